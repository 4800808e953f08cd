package govgrade.facts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the earlier periods a batch carries: each a whole period ending before this one starts,
 * no two overlapping, each subject once per period with a grade code a result can have.
 */
final class EarlierChecks {
    /** The grade codes a result carries (rules.Grade; facts cannot name it, so the codes are listed). */
    static final Set<String> GRADES = Set.of("EXCELLENT", "GOOD", "PASS", "FAIL", "POOR");

    private EarlierChecks() {
    }

    static void check(List<Batch.Earlier> earlier, Batch.Period now, Violations out) {
        for (int i = 0; i < earlier.size(); i++) {
            Batch.Earlier e = earlier.get(i);
            String at = "earlier[" + i + "]";
            if (e == null) {
                out.add(at, "null", "an earlier period { \"period\": {\"from\", \"to\"}, \"results\": [...] }");
                continue;
            }
            if (period(e.period(), at + ".period", now, out)) {
                overlaps(earlier, i, at, out);
            }
            results(e.results(), at, out);
        }
    }

    /** True where the period is whole, so it can be compared with the others. */
    private static boolean period(Batch.Period p, String at, Batch.Period now, Violations out) {
        if (p == null) {
            out.add(at, "nothing", "an object with from and to");
            return false;
        }
        if (p.from() == null) {
            out.add(at + ".from", "nothing", "a date YYYY-MM-DD");
        }
        if (p.to() == null) {
            out.add(at + ".to", "nothing", "a date YYYY-MM-DD");
        }
        if (p.from() == null || p.to() == null) {
            return false;
        }
        if (p.to().isBefore(p.from())) {
            out.add(at + ".to", p.to().toString(), "a date on or after " + at + ".from (" + p.from() + ")");
            return false;
        }
        if (now != null && now.from() != null && !p.to().isBefore(now.from())) {
            out.add(at + ".to", p.to().toString(), "a date before period.from (" + now.from()
                    + "): an earlier period ends before this one starts");
            return false;
        }
        return true;
    }

    private static void overlaps(List<Batch.Earlier> earlier, int i, String at, Violations out) {
        Batch.Period p = earlier.get(i).period();
        for (int j = 0; j < i; j++) {
            Batch.Earlier o = earlier.get(j);
            if (o == null || o.period() == null || o.period().from() == null || o.period().to() == null) {
                continue;
            }
            if (!p.from().isAfter(o.period().to()) && !o.period().from().isAfter(p.to())) {
                out.add(at + ".period", p.from() + " to " + p.to() + ", overlapping earlier[" + j + "] ("
                        + o.period().from() + " to " + o.period().to() + ")", "periods that do not overlap");
                return;
            }
        }
    }

    private static void results(List<Batch.EarlierResult> results, String owner, Violations out) {
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < results.size(); r++) {
            Batch.EarlierResult x = results.get(r);
            String at = owner + ".results[" + r + "]";
            if (x == null) {
                out.add(at, "null", "a result object { \"type\", \"id\", \"channel\", ... }");
                continue;
            }
            if (x.type() == null) {
                out.add(at + ".type", "nothing", "unit or account");
            } else if (!x.type().equals("unit") && !x.type().equals("account")) {
                out.add(at + ".type", Violations.quote(x.type()), "unit or account");
            }
            if (Violations.blank(x.id())) {
                out.add(at + ".id", "nothing", "the id of the unit or account, as this batch names it");
            }
            if (x.channel() == null) {
                out.add(at + ".channel", "nothing", "the channel the result was on: new-media, news ...");
            }
            if (x.type() != null && x.id() != null && x.channel() != null
                    && !seen.add(x.type() + "\u0000" + x.id() + "\u0000" + x.channel().code())) {
                out.add(at, x.type() + " " + Violations.quote(x.id()) + " on " + x.channel().code() + " a second time",
                        "each subject once in a period");
            }
            if (x.grade() != null && !GRADES.contains(x.grade())) {
                out.add(at + ".grade", Violations.quote(x.grade()),
                        "a grade code: EXCELLENT, GOOD, PASS, FAIL or POOR");
            }
            for (int k = 0; k < x.problems().size(); k++) {
                String code = x.problems().get(k);
                if (Violations.blank(code)) {
                    out.add(at + ".problems[" + k + "]", "nothing", "a problem code such as NO_NEWS");
                } else if (!Violations.FINDING_CODE.matcher(code).matches()) {
                    out.add(at + ".problems[" + k + "]", Violations.quote(code), "an upper-case code such as NO_NEWS");
                }
            }
        }
    }
}
