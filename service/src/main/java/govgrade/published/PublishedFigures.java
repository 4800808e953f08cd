package govgrade.published;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a circular published, figure by figure: per subject its grade, rank, score and problem
 * wording where printed, and per region its summary. A row marked {@code known} is one where the
 * circular breaks its own written rule, with the reason.
 */
public record PublishedFigures(String pack, List<Row> results, List<SummaryRow> summaries) {

    /** A published subject row; null fields were not published. {@code id} may be null (name only). */
    public record Row(String id, String name, String channel, String grade, String label, Integer rank,
                      BigDecimal score, List<String> problems, String known) {
    }

    public record SummaryRow(String region, String channel, Integer checked, Integer failed, BigDecimal passRate) {
    }

    /** Reads the fixtures' format ({@code fixtures/<pack>/<pack>.expected.json}); {@link FiguresRejected} lists each mistake. */
    public static PublishedFigures readJson(InputStream in) throws IOException {
        return FiguresReader.read(in);
    }
}
