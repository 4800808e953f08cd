package govgrade.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What rules see of one subject one period back (or two, or n): the period, where it was read
 * from, and the subject's grade code, problem codes and figures then. Only periods the subject
 * has a result in are shown; an unknown one is null from {@link History#back}.
 */
public final class EarlierPeriod {
    private final int back;
    private final PastPeriod period;
    private final PastPeriod.PastResult result;

    EarlierPeriod(int back, PastPeriod period, PastPeriod.PastResult result) {
        this.back = back;
        this.period = period;
        this.result = result;
    }

    /** How many periods back: 1 is the period just before this one. */
    public int getBack() {
        return back;
    }

    public LocalDate getFrom() {
        return period.from();
    }

    public LocalDate getTo() {
        return period.to();
    }

    /** The id of the stored run it was read from; null where the batch carried it. */
    public String getRun() {
        return period.run();
    }

    /** The grade code then (PASS, FAIL ...); null where none was given. */
    public String getGrade() {
        return result.grade();
    }

    public boolean isFailed() {
        return "FAIL".equals(result.grade()) || "POOR".equals(result.grade());
    }

    /** The problem codes then. */
    public List<String> getProblems() {
        return result.problems();
    }

    public boolean hasProblem(String code) {
        return code != null && result.problems().contains(code);
    }

    /** A figure then by name (posts, submitted, or a pack's own); null where it was not given. */
    public BigDecimal figure(String name) {
        return name == null ? null : result.figures().get(name);
    }

    public Map<String, BigDecimal> getFigures() {
        return result.figures();
    }
}
