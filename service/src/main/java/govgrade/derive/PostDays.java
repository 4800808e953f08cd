package govgrade.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The days of a window on which an account posted, one bit a day, and the runs of days without
 * a post, worked out the first time a rule asks. Most packs never ask (Shangqiu reads only the
 * last update), and a national batch would otherwise make tens of millions of spans for nothing.
 */
final class PostDays {
    private final LocalDate from;
    private final long fromDay;
    private final int days;
    private final long[] posted;
    private volatile List<DateSpan> gaps;

    /** An empty window [from, to] (no day posted yet); to before from is an empty window. */
    PostDays(LocalDate from, LocalDate to) {
        this.from = from;
        this.fromDay = from.toEpochDay();
        this.days = to.isBefore(from) ? 0 : (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        this.posted = new long[(days + 63) >>> 6];
    }

    /** Runs given as such (an account reporting aggregates, not posts). */
    static PostDays given(List<DateSpan> gaps) {
        PostDays d = new PostDays(LocalDate.EPOCH, LocalDate.EPOCH.minusDays(1));
        d.gaps = List.copyOf(gaps);
        return d;
    }

    /** Marks a day (an epoch day) posted; days outside the window do not count. */
    void post(long epochDay) {
        long i = epochDay - fromDay;
        if (i >= 0 && i < days) {
            posted[(int) (i >>> 6)] |= 1L << i;
        }
    }

    /** Maximal runs of days in the window without a post, oldest first (as {@link Gaps#between}). */
    List<DateSpan> gaps() {
        List<DateSpan> g = gaps;
        if (g == null) {
            g = runs();
            gaps = g; // racing threads compute equal lists; either may stay
        }
        return g;
    }

    private List<DateSpan> runs() {
        List<DateSpan> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= days; i++) {
            boolean empty = i < days && (posted[i >>> 6] & (1L << i)) == 0;
            if (empty && start < 0) {
                start = i;
            } else if (!empty && start >= 0) {
                out.add(new DateSpan(from.plusDays(start), from.plusDays(i - 1L)));
                start = -1;
            }
        }
        return List.copyOf(out);
    }
}
