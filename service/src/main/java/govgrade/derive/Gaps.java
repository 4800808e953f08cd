package govgrade.derive;

import govgrade.facts.DayRuns;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Runs of days without a post inside a window ({@link DayRuns} finds them), and the longest of them. */
final class Gaps {
    private Gaps() {
    }

    /** Maximal runs of days in [from, to] on which none of {@code dates} falls. */
    static List<DateSpan> between(LocalDate from, LocalDate to, Collection<LocalDate> dates) {
        DayRuns days = new DayRuns(from, to);
        dates.forEach(days::mark);
        return days.runs(DateSpan::new);
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
