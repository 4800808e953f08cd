package govgrade.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * A period as a circular words it in its title: a month is 2023年6月, whole quarters, halves and
 * years are 2020年第四季度, 2019年上半年, 2020年, other whole months 2024年7月至8月, and anything
 * else its days, 2020年11月24日至2021年2月22日 (the year said once where both ends share it).
 */
final class PeriodWords {
    private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};
    static final String TO = "至";

    private PeriodWords() {
    }

    /** The period's name for a title; empty where the run gives no period. */
    static String of(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return "";
        }
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.equals(to.with(TemporalAdjusters.lastDayOfMonth()));
        if (!wholeMonths) {
            return days(from, to);
        }
        long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
        int first = from.getMonthValue();
        if (months == 1) {
            return from.getYear() + "年" + first + "月";
        }
        if (from.getYear() == to.getYear()) {
            if (months == 12) {
                return from.getYear() + "年";
            }
            if (months == 6 && (first == 1 || first == 7)) {
                return from.getYear() + (first == 1 ? "年上半年" : "年下半年");
            }
            if (months == 3 && first % 3 == 1) {
                return from.getYear() + "年" + QUARTERS[first / 3];
            }
            return from.getYear() + "年" + first + "月" + TO + to.getMonthValue() + "月";
        }
        return from.getYear() + "年" + first + "月" + TO + to.getYear() + "年" + to.getMonthValue() + "月";
    }

    /** The days from and to: 2023年6月1日至6月30日, or 2020年11月24日至2021年2月22日 across a new year. */
    static String days(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return date(from);
        }
        String end = to.getYear() == from.getYear() ? to.getMonthValue() + "月" + to.getDayOfMonth() + "日" : date(to);
        return date(from) + TO + end;
    }

    /** 2023年6月30日. */
    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
