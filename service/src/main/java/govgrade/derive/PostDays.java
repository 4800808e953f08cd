package govgrade.derive;

import govgrade.facts.DayRuns;
import java.time.LocalDate;
import java.util.List;

/**
 * The days of a window on which an account posted, and the runs of days without a post,
 * worked out the first time a rule asks. Most packs never ask (Shangqiu reads only the last
 * update), and a national batch would otherwise make tens of millions of spans for nothing.
 */
final class PostDays {
    private final DayRuns days;
    private volatile List<DateSpan> gaps;

    /** An empty window [from, to] (no day posted yet); to before from is an empty window. */
    PostDays(LocalDate from, LocalDate to) {
        this.days = new DayRuns(from, to);
    }

    /** Runs given as such (an account reporting aggregates, not posts). */
    static PostDays given(List<DateSpan> gaps) {
        PostDays d = new PostDays(LocalDate.EPOCH, LocalDate.EPOCH.minusDays(1));
        d.gaps = List.copyOf(gaps);
        return d;
    }

    /** Marks a day (an epoch day) posted; days outside the window do not count. */
    void post(long epochDay) {
        days.mark(epochDay);
    }

    /** Maximal runs of days in the window without a post, oldest first (as {@link Gaps#between}). */
    List<DateSpan> gaps() {
        List<DateSpan> g = gaps;
        if (g == null) {
            g = List.copyOf(days.runs(DateSpan::new));
            gaps = g; // racing threads compute equal lists; either may stay
        }
        return g;
    }
}
