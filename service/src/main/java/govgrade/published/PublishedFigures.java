package govgrade.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
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

    /** Reads the fixtures' format ({@code fixtures/<pack>/<pack>.expected.json}). */
    public static PublishedFigures readJson(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !root.isObject() || !root.has("results")) {
            throw new IOException("expected an object with results (and summaries), as fixtures/<pack>/*.expected.json");
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode e : root.get("results")) {
            List<String> problems = null;
            if (e.has("problems")) {
                problems = new ArrayList<>();
                for (JsonNode p : e.get("problems")) {
                    problems.add(p.asText());
                }
            }
            rows.add(new Row(text(e, "id"), text(e, "name"), text(e, "channel"), text(e, "grade"), text(e, "label"),
                    e.hasNonNull("rank") ? e.get("rank").asInt() : null,
                    e.hasNonNull("score") ? e.get("score").decimalValue() : null, problems, text(e, "known")));
        }
        List<SummaryRow> sums = new ArrayList<>();
        if (root.has("summaries")) {
            for (JsonNode s : root.get("summaries")) {
                sums.add(new SummaryRow(text(s, "region"), text(s, "channel"),
                        s.hasNonNull("checked") ? s.get("checked").asInt() : null,
                        s.hasNonNull("failed") ? s.get("failed").asInt() : null,
                        s.hasNonNull("passRate") ? new BigDecimal(s.get("passRate").asText()) : null));
            }
        }
        return new PublishedFigures(text(root, "pack"), rows, sums);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
