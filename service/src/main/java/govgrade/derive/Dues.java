package govgrade.derive;

import govgrade.facts.Cadence;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * Updates a column's cadence makes due in a period, prorated: "1 per quarter" is one third of
 * an update in a one-month period, "2 per month" is two. Real-time columns have no fixed count.
 * Whole calendar months count as such; other periods as days / 30.4375 months.
 */
final class Dues {
    private static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4375");
    private static final MathContext MC = new MathContext(12, RoundingMode.HALF_UP);

    private final BigDecimal months;
    private final BigDecimal days;

    Dues(LocalDate from, LocalDate to) {
        LocalDate end = to.plusDays(1);
        this.days = BigDecimal.valueOf(ChronoUnit.DAYS.between(from, end));
        if (from.getDayOfMonth() == 1 && end.getDayOfMonth() == 1) {
            this.months = BigDecimal.valueOf(Period.between(from, end).toTotalMonths());
        } else {
            this.months = days.divide(DAYS_PER_MONTH, MC);
        }
    }

    BigDecimal due(Cadence c) {
        BigDecimal n = BigDecimal.valueOf(c.count());
        BigDecimal due = switch (c.unit()) {
            case REALTIME -> BigDecimal.ZERO;
            case WEEK -> n.multiply(days).divide(BigDecimal.valueOf(7), MC);
            default -> n.multiply(months).divide(BigDecimal.valueOf(c.unit().months()), MC);
        };
        // Kept fine here and rounded once on the unit's sum, so 1/3 + 1/3 + 1/12 + 2 sums to 2.75, not 2.7499.
        return due.setScale(10, RoundingMode.HALF_UP);
    }
}
