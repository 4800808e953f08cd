package govgrade.facts;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a bound batch before anything is graded and collects every violation, not just the
 * first, so a client fixes a batch in one round trip. This class checks the batch's head (pack,
 * period, units); accounts and what units published have their own checks.
 */
final class BatchValidator {
    private BatchValidator() {
    }

    /** Adds to {@code out} what is wrong with {@code b}; a period over its limit is one mistake and days are not counted over it. */
    static void validate(Batch b, BatchLimits limits, Violations out) {
        pack(b.pack(), out);
        boolean countDays = period(b.period(), limits, out);
        Map<String, Batch.Unit> units = units(b.units(), out);
        AccountChecks.check(b.accounts(), units, b.period(), countDays, out);
        PublishedChecks.columns(b.columns(), units, out);
        PublishedChecks.activity(b.activity(), units, out);
        EarlierChecks.check(b.earlier(), b.period(), out);
    }

    private static void pack(String pack, Violations out) {
        if (pack == null || pack.isBlank()) {
            out.add("pack", "nothing", "the id of a criteria pack, e.g. \"shangqiu\"");
        } else if (!PackId.isValid(pack)) {
            out.add("pack", Violations.quote(pack), "a pack id of " + PackId.RULE);
        }
    }

    /** True where the period is whole and within its limit, so its days may be counted. */
    private static boolean period(Batch.Period p, BatchLimits limits, Violations out) {
        if (p == null) {
            out.add("period", "nothing", "an object with from, to and optionally checkDate");
            return false;
        }
        if (p.from() == null) {
            out.add("period.from", "nothing", "a date YYYY-MM-DD");
        }
        if (p.to() == null) {
            out.add("period.to", "nothing", "a date YYYY-MM-DD");
        }
        if (p.from() != null && p.to() != null && p.to().isBefore(p.from())) {
            out.add("period.to", p.to().toString(), "a date on or after period.from (" + p.from() + ")");
        }
        if (p.checkDate() != null && p.from() != null && p.checkDate().isBefore(p.from())) {
            out.add("period.checkDate", p.checkDate().toString(), "a date on or after period.from (" + p.from() + ")");
        }
        if (p.from() == null || p.to() == null || p.to().isBefore(p.from())) {
            return false;
        }
        long days = ChronoUnit.DAYS.between(p.from(), p.to()) + 1;
        if (days > limits.periodDays()) {
            out.overLimit("period", days + " days (" + p.from() + " to " + p.to() + ")", "at most "
                    + limits.periodDays() + " days (raise with " + BatchLimits.PERIOD_DAYS + ")");
            return false;
        }
        return true;
    }

    private static Map<String, Batch.Unit> units(List<Batch.Unit> list, Violations out) {
        Map<String, Batch.Unit> units = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Batch.Unit u = list.get(i);
            String at = "units[" + i + "]";
            if (u == null) {
                out.add(at, "null", "a unit object");
                continue;
            }
            if (Violations.blank(u.id())) {
                out.add(at + ".id", "nothing", "a unit id");
            } else if (units.putIfAbsent(u.id(), u) != null) {
                out.add(at + ".id", Violations.quote(u.id()) + " a second time", "ids unique within units");
            }
            if (Violations.blank(u.name())) {
                out.add(at + ".name", "nothing", "the unit's name");
            }
            if (u.group() == null) {
                out.add(at + ".group", "nothing", "township (乡镇) or department (部门): units are ranked within it");
            }
            out.findings(u.findings(), at);
        }
        return units;
    }
}
