package govgrade.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a website column must be updated: {@code realtime}, or N per week, month,
 * quarter, half-year or year, written as {@code 2/month} or as the Chinese {@code 2条/月}.
 */
public record Cadence(int count, Unit unit) {

    /** The length a count is due in; months are calendar months. */
    public enum Unit {
        REALTIME("realtime", "实时更新", 0),
        WEEK("week", "周", 0),
        MONTH("month", "月", 1),
        QUARTER("quarter", "季度", 3),
        HALF_YEAR("half-year", "半年", 6),
        YEAR("year", "年", 12);

        final String code;
        final String chinese;
        final int months;

        Unit(String code, String chinese, int months) {
            this.code = code;
            this.chinese = chinese;
            this.months = months;
        }

        public int months() {
            return months;
        }
    }

    // At most four digits: more is a typo, and would overflow the count instead of being named as a mistake.
    private static final Pattern CODE = Pattern.compile("(\\d{1,4})\\s*/\\s*(week|month|quarter|half-year|year)");
    private static final Pattern CHINESE = Pattern.compile("(\\d{1,4})\\s*[条次篇]?\\s*/\\s*(周|月|季度|季|半年|年)");

    public static final Cadence REALTIME = new Cadence(0, Unit.REALTIME);

    @JsonCreator
    public static Cadence parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase("realtime") || t.equals("实时更新") || t.equals("实时")) {
            return REALTIME;
        }
        Matcher m = CODE.matcher(t.toLowerCase());
        if (m.matches()) {
            for (Unit u : Unit.values()) {
                if (u.code.equals(m.group(2))) {
                    return new Cadence(Integer.parseInt(m.group(1)), u);
                }
            }
        }
        m = CHINESE.matcher(t);
        if (m.matches()) {
            String unit = m.group(2).equals("季") ? "季度" : m.group(2);
            for (Unit u : Unit.values()) {
                if (u.chinese.equals(unit)) {
                    return new Cadence(Integer.parseInt(m.group(1)), u);
                }
            }
        }
        throw new IllegalArgumentException("unknown cadence \"" + text
                + "\"; expected realtime, N/week, N/month, N/quarter, N/half-year, N/year"
                + " or 实时更新, N条/周, N条/月, N条/季度, N条/半年, N条/年");
    }

    @JsonValue
    public String code() {
        return unit == Unit.REALTIME ? "realtime" : count + "/" + unit.code;
    }

    @Override
    public String toString() {
        return code();
    }
}
