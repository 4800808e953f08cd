package govgrade.grading;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The graded result of one batch, in the shape CONTRACT.md fixes. Field order is the JSON order. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GradedRun(String run, PackRef pack, PeriodOut period, List<Result> results, List<Summary> summaries) {

    /** Which criteria graded: the pack and its version (content hash). */
    public record PackRef(String id, String version) {
    }

    public record PeriodOut(LocalDate from, LocalDate to, LocalDate checkDate) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Result(SubjectRef subject, String channel, String grade, String label, BigDecimal score,
                         Integer rank, List<ProblemOut> problems, List<Because> because) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubjectRef(String type, String id, String name, String group, String region, String platform) {
    }

    public record ProblemOut(String code, String label) {
    }

    /** A rule that decided part of a result, and the fact values it read. */
    public record Because(String rule, Map<String, Object> facts) {
    }

    /** Per region and channel: checked, failed, pass rate (percent, one decimal, half-up), counts per grade. */
    public record Summary(String region, String channel, int checked, int failed, BigDecimal passRate,
                          Map<String, Integer> grades) {
    }
}
