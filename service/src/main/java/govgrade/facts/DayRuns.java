package govgrade.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way govgrade finds runs of days: the days of a window [from, to] on which something
 * happened (a post, an original post), one bit a day, and the maximal runs of days on which
 * nothing did. Validation compares a batch's stated longest gap with it, derivation hands the
 * runs to rules; both must agree on every edge (first day, last day, a leap day), so both use it.
 *
 * <p>A bitmap rather than a sorted list of dates: a national batch marks millions of posts, and
 * setting a bit is cheaper than sorting them. Not thread-safe while marking; read-only after.
 */
public final class DayRuns {
    /** Days from 0000-01-01 to 9999-12-31: the widest window a batch's dates can make. */
    static final long MAX_DAYS = 3_652_425;

    private final LocalDate from;
    private final long fromDay;
    private final int days;
    private final long[] marked;

    /** What a run becomes: its first and last day, both included. */
    @FunctionalInterface
    public interface RunMaker<T> {
        T run(LocalDate first, LocalDate last);
    }

    /** A window [from, to] with no day marked yet; {@code to} before {@code from} is an empty window. */
    public DayRuns(LocalDate from, LocalDate to) {
        this.from = from;
        this.fromDay = from.toEpochDay();
        long span = to.isBefore(from) ? 0 : to.toEpochDay() - fromDay + 1;
        // Batches are held to BatchLimits.periodDays before any window is made; past four-digit
        // years a window is a bug upstream, refused here rather than allocated.
        if (span > MAX_DAYS) {
            throw new IllegalArgumentException("a window of " + span + " days (" + from + " to " + to + ")");
        }
        this.days = (int) span;
        this.marked = new long[(days + 63) >>> 6];
    }

    /** Marks a day (an epoch day); days outside the window do not count. */
    public void mark(long epochDay) {
        long i = epochDay - fromDay;
        if (i >= 0 && i < days) {
            marked[(int) (i >>> 6)] |= 1L << i;
        }
    }

    public void mark(LocalDate day) {
        mark(day.toEpochDay());
    }

    /** Maximal runs of unmarked days in the window, oldest first. */
    public <T> List<T> runs(RunMaker<T> maker) {
        List<T> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= days; i++) {
            boolean empty = i < days && (marked[i >>> 6] & (1L << i)) == 0;
            if (empty && start < 0) {
                start = i;
            } else if (!empty && start >= 0) {
                out.add(maker.run(from.plusDays(start), from.plusDays(i - 1L)));
                start = -1;
            }
        }
        return out;
    }

    /** Days in the longest run of unmarked days; 0 where every day is marked (or the window is empty). */
    public int longest() {
        int best = 0;
        int run = 0;
        for (int i = 0; i < days; i++) {
            run = (marked[i >>> 6] & (1L << i)) == 0 ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
