package govgrade.grading;

import com.fasterxml.jackson.annotation.JsonInclude;
import govgrade.rules.ReportWords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The graded result of one batch, in the shape CONTRACT.md fixes. Field order is the JSON order. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GradedRun(String run, PackRef pack, PeriodOut period, List<Result> results, List<Summary> summaries,
                        @JsonInclude(JsonInclude.Include.NON_NULL) ReportWords report) {

    /**
     * A run whose pack names nothing of its report. {@code report} is the words the pack gives
     * its Excel report (sheet names, titles); null, and left out of the JSON, where it gives none.
     */
    public GradedRun(String run, PackRef pack, PeriodOut period, List<Result> results, List<Summary> summaries) {
        this(run, pack, period, results, summaries, null);
    }

    /** Which criteria graded: the pack and its version (content hash). */
    public record PackRef(String id, String version) {
    }

    public record PeriodOut(LocalDate from, LocalDate to, LocalDate checkDate) {
    }

    /**
     * One graded subject. {@code figures} is what it was graded on; null only in a run stored
     * before results carried figures (the field is left out of the JSON then, as such runs had it).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Result(SubjectRef subject, String channel, String grade, String label, BigDecimal score,
                         Integer rank, List<ProblemOut> problems, List<Because> because,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Figures figures,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EarlierRead> earlier) {

        /** A result whose rules read no earlier period. */
        public Result(SubjectRef subject, String channel, String grade, String label, BigDecimal score, Integer rank,
                      List<ProblemOut> problems, List<Because> because, Figures figures) {
            this(subject, channel, grade, label, score, rank, problems, because, figures, null);
        }
    }

    /**
     * An earlier period the rules read of the subject: {@code back} periods before this one, from
     * the batch ({@code source} "batch") or a stored run ({@code source} "run", {@code run} its id);
     * or unknown ({@code missing} says why, {@code to} is the day it would have ended), which
     * stopped the rule there. Left out of the JSON where no rule read an earlier period.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EarlierRead(int back, LocalDate from, LocalDate to, String source, String run, String missing) {
    }

    /**
     * The figures of the subject the rules read while grading it, as the derived subject holds
     * them (never as a rule's explanation words them): what the annex prints beside the grade.
     * A figure no rule read, or the subject does not have, is null and left out of the JSON.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(Integer posts, Integer submitted, Integer adoptedInMonth, Integer adopted,
                          Integer updates, BigDecimal due, Integer originals, Integer reposts,
                          Integer recommendedReposts, Integer messages, Integer lateReplies,
                          BigDecimal longestReplyHours, LocalDate lastUpdate, Integer daysSinceLastUpdate,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> declared) {

        /**
         * Built-in figures only. {@code declared}: the figures the pack declares (its 数据项 sheet)
         * that rules read, by name; empty, and left out of the JSON, where they read none.
         */
        public Figures(Integer posts, Integer submitted, Integer adoptedInMonth, Integer adopted, Integer updates,
                       BigDecimal due, Integer originals, Integer reposts, Integer recommendedReposts,
                       Integer messages, Integer lateReplies, BigDecimal longestReplyHours, LocalDate lastUpdate,
                       Integer daysSinceLastUpdate) {
            this(posts, submitted, adoptedInMonth, adopted, updates, due, originals, reposts, recommendedReposts,
                    messages, lateReplies, longestReplyHours, lastUpdate, daysSinceLastUpdate, null);
        }
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
