package govgrade.report;

import govgrade.grading.GradedRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * Which counts a channel sheet prints besides score, rank and grade: the facts its rules read,
 * as a circular's annex heads them. Only facts in this list become columns (thresholds, weights
 * and rank keys are the pack's, not the subject's), and only where some result of the sheet
 * carries them.
 */
final class CountColumns {

    /** A fact read from a result's {@code because}, and the header a circular gives it. */
    record Column(String fact, String header) {
    }

    /** In the order an annex prints them: what was done, then what was due, then timeliness. */
    private static final List<Column> KNOWN = List.of(
            new Column("posts", "发布条数"),
            new Column("submitted", "报送条数"),
            new Column("adoptedInMonth", "当月采用条数"),
            new Column("adopted", "采用条数"),
            new Column("updates", "更新条数"),
            new Column("due", "应更新条数"),
            new Column("originals", "原创条数"),
            new Column("reposts", "转载条数"),
            new Column("recommendedReposts", "推荐转载条数"),
            new Column("messages", "留言条数"),
            new Column("lateReplies", "未及时回复条数"),
            new Column("longestReplyHours", "最长回复用时（小时）"),
            new Column("lastUpdate", "最后更新日期"),
            new Column("daysSinceLastUpdate", "距检查日未更新天数"));

    private CountColumns() {
    }

    /** The known columns at least one of {@code results} has a value for, in annex order. */
    static List<Column> of(List<GradedRun.Result> results) {
        return KNOWN.stream().filter(c -> results.stream().anyMatch(r -> value(r, c.fact()) != null)).toList();
    }

    /**
     * The fact's value as the first rule that read it saw it: a number (rounded to two decimals,
     * as due updates prorate to fractions) or text such as a date; null where no rule read it.
     */
    static Object value(GradedRun.Result r, String fact) {
        if (r.because() == null) {
            return null;
        }
        for (GradedRun.Because b : r.because()) {
            Object v = b.facts() == null ? null : b.facts().get(fact);
            if (v instanceof Number n) {
                return new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
            }
            if (v instanceof CharSequence || v instanceof TemporalAccessor) {
                return v.toString();
            }
        }
        return null;
    }
}
