package govgrade.derive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A run of whole days, first and last day included: the shape of a gap in posting. */
public final class DateSpan {
    private final LocalDate from;
    private final LocalDate to;

    public DateSpan(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }

    /** Days in the span, both ends counted: 1 to 8 June is 8 days. */
    public int getDays() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** True when every day of {@code other} lies inside this span. */
    public boolean covers(DateSpan other) {
        return !from.isAfter(other.from) && !to.isBefore(other.to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateSpan d && d.from.equals(from) && d.to.equals(to);
    }

    @Override
    public int hashCode() {
        return from.hashCode() * 31 + to.hashCode();
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
