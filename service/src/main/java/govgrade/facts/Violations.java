package govgrade.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The violations found in one batch, in the order the checks found them, and the checks every
 * part of a batch shares (counts, unit references, finding codes), so each is worded one way.
 */
final class Violations {
    private static final Pattern FINDING_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final List<Violation> found = new ArrayList<>();

    void add(String path, String what, String expected) {
        found.add(new Violation(path, what, expected));
    }

    List<Violation> list() {
        return found;
    }

    void nonNegative(Integer n, String at) {
        if (n != null && n < 0) {
            add(at, String.valueOf(n), "a whole number >= 0");
        }
    }

    void unitRef(String unit, String at, Map<String, Batch.Unit> units) {
        if (blank(unit)) {
            add(at, "nothing", "the id of a unit listed in units");
        } else if (!units.containsKey(unit)) {
            add(at, "\"" + unit + "\"", "the id of a unit listed in units");
        }
    }

    void findings(List<Batch.Finding> findings, String owner) {
        for (int f = 0; f < findings.size(); f++) {
            Batch.Finding fd = findings.get(f);
            String at = owner + ".findings[" + f + "].code";
            if (fd == null || blank(fd.code())) {
                add(at, "nothing", "a finding code such as SERIOUS_WORDING_ERROR");
            } else if (!FINDING_CODE.matcher(fd.code()).matches()) {
                add(at, "\"" + fd.code() + "\"", "an upper-case code such as SERIOUS_WORDING_ERROR");
            }
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
