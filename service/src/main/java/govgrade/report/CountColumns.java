package govgrade.report;

import govgrade.grading.GradedRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which counts a channel sheet prints besides score, rank and grade: the figures its results
 * were graded on, as a circular's annex heads them, and only where some result of the sheet
 * has a value (thresholds, weights and rank keys are the pack's, not the subject's).
 */
final class CountColumns {

    /** A figure of a result, the name a stored run's explanations gave it, and the annex header. */
    record Column(String fact, String header, Function<GradedRun.Figures, Object> figure) {
    }

    /** In the order an annex prints them: what was done, then what was due, then timeliness. */
    private static final List<Column> KNOWN = List.of(
            new Column("posts", "发布条数", GradedRun.Figures::posts),
            new Column("submitted", "报送条数", GradedRun.Figures::submitted),
            new Column("adoptedInMonth", "当月采用条数", GradedRun.Figures::adoptedInMonth),
            new Column("adopted", "采用条数", GradedRun.Figures::adopted),
            new Column("updates", "更新条数", GradedRun.Figures::updates),
            new Column("due", "应更新条数", GradedRun.Figures::due),
            new Column("originals", "原创条数", GradedRun.Figures::originals),
            new Column("reposts", "转载条数", GradedRun.Figures::reposts),
            new Column("recommendedReposts", "推荐转载条数", GradedRun.Figures::recommendedReposts),
            new Column("messages", "留言条数", GradedRun.Figures::messages),
            new Column("lateReplies", "未及时回复条数", GradedRun.Figures::lateReplies),
            new Column("longestReplyHours", "最长回复用时（小时）", GradedRun.Figures::longestReplyHours),
            new Column("lastUpdate", "最后更新日期", GradedRun.Figures::lastUpdate),
            new Column("daysSinceLastUpdate", "距检查日未更新天数", GradedRun.Figures::daysSinceLastUpdate));

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private CountColumns() {
    }

    /**
     * The known columns at least one of {@code results} has a value for, in annex order; then the
     * figures the pack declares that its rules read (its 数据项 sheet), headed by their names, in
     * the order the results first show them. A pack that declares none prints what it always did.
     */
    static List<Column> of(List<GradedRun.Result> results) {
        List<Column> out = new ArrayList<>(KNOWN.stream()
                .filter(c -> results.stream().anyMatch(r -> value(r, c) != null)).toList());
        Set<String> declared = new LinkedHashSet<>();
        for (GradedRun.Result r : results) {
            if (r.figures() != null && r.figures().declared() != null) {
                declared.addAll(r.figures().declared().keySet());
            }
        }
        for (String name : declared) {
            out.add(new Column(name, name, f -> f.declared() == null ? null : f.declared().get(name)));
        }
        return out;
    }

    /**
     * The figure as the result carries it: a number (rounded to two decimals, as due updates
     * prorate to fractions), a date (a stored run's explanations hold one as its ISO text), or
     * text; null where the result has none.
     */
    static Object value(GradedRun.Result r, Column c) {
        Object v = r.figures() != null ? c.figure().apply(r.figures()) : explained(r, c.fact());
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof CharSequence t && ISO_DATE.matcher(t).matches()) {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                return t.toString(); // 2019-02-30 is text that only looks like a date
            }
        }
        if (v instanceof CharSequence || v instanceof TemporalAccessor) {
            return v.toString();
        }
        if (v instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return null;
    }

    /**
     * A run stored before results carried figures has only its explanations. Re-deriving the
     * figures would need the batch and the pack version it was graded under, which a report of a
     * stored run does not have; the explanations are what such a run's report always printed, so
     * it prints the same columns it always did. New runs never come here.
     */
    private static Object explained(GradedRun.Result r, String fact) {
        if (r.because() == null) {
            return null;
        }
        for (GradedRun.Because b : r.because()) {
            Object v = b.facts() == null ? null : b.facts().get(fact);
            if (v instanceof Number || v instanceof CharSequence || v instanceof TemporalAccessor) {
                return v;
            }
        }
        return null;
    }
}
