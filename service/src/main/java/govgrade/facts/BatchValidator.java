package govgrade.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a bound batch before anything is graded and collects every violation, not just the
 * first, so a client fixes a batch in one round trip. This class checks the batch's head (pack,
 * period, units); accounts and what units published have their own checks.
 */
final class BatchValidator {
    private static final Pattern PACK_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private BatchValidator() {
    }

    static List<Violation> validate(Batch b) {
        Violations out = new Violations();
        pack(b.pack(), out);
        period(b.period(), out);
        Map<String, Batch.Unit> units = units(b.units(), out);
        AccountChecks.check(b.accounts(), units, b.period(), out);
        PublishedChecks.columns(b.columns(), units, out);
        PublishedChecks.activity(b.activity(), units, out);
        return out.list();
    }

    private static void pack(String pack, Violations out) {
        if (pack == null || pack.isBlank()) {
            out.add("pack", "nothing", "the id of a criteria pack, e.g. \"shangqiu\"");
        } else if (!PACK_ID.matcher(pack).matches()) {
            out.add("pack", "\"" + pack + "\"", "a pack id of lower-case letters, digits, '-' or '_'");
        }
    }

    private static void period(Batch.Period p, Violations out) {
        if (p == null) {
            out.add("period", "nothing", "an object with from, to and optionally checkDate");
            return;
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
                out.add(at + ".id", "\"" + u.id() + "\" a second time", "ids unique within units");
            }
            if (Violations.blank(u.name())) {
                out.add(at + ".name", "nothing", "the unit's name");
            }
            out.findings(u.findings(), at);
        }
        return units;
    }
}
