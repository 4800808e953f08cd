package govgrade.derive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Runs of days without a post inside a window, found in one pass over a day bitmap. */
final class Gaps {
    private Gaps() {
    }

    /** Maximal runs of days in [from, to] on which none of {@code dates} falls. */
    static List<DateSpan> between(LocalDate from, LocalDate to, Collection<LocalDate> dates) {
        List<DateSpan> out = new ArrayList<>();
        if (to.isBefore(from)) {
            return out;
        }
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        boolean[] posted = new boolean[days];
        for (LocalDate d : dates) {
            long i = ChronoUnit.DAYS.between(from, d);
            if (i >= 0 && i < days) {
                posted[(int) i] = true;
            }
        }
        int start = -1;
        for (int i = 0; i <= days; i++) {
            boolean empty = i < days && !posted[i];
            if (empty && start < 0) {
                start = i;
            } else if (!empty && start >= 0) {
                out.add(new DateSpan(from.plusDays(start), from.plusDays(i - 1L)));
                start = -1;
            }
        }
        return out;
    }

    /** The longest span; the earliest of equally long ones. Null for none. */
    static DateSpan longest(List<DateSpan> spans) {
        DateSpan best = null;
        for (DateSpan s : spans) {
            if (best == null || s.getDays() > best.getDays()) {
                best = s;
            }
        }
        return best;
    }
}
