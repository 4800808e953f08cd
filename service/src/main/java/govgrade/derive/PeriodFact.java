package govgrade.derive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The inspection period as rules see it. */
public final class PeriodFact {
    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate checkDate;

    public PeriodFact(LocalDate from, LocalDate to, LocalDate checkDate) {
        this.from = from;
        this.to = to;
        this.checkDate = checkDate;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }

    public LocalDate getCheckDate() {
        return checkDate;
    }

    public int getDays() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }
}
