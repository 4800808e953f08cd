package govgrade.facts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The violations found in one batch, in the order found, and the checks every part of a batch
 * shares (counts, unit references, finding codes), so each is worded one way.
 *
 * <p>Only the first {@code listed} are kept; the rest are counted, not built: a million posts
 * outside the period make a hundred entries and a number, not a 236 MB answer. A value is echoed
 * at most once and cut to {@link #ECHO} characters, so no refusal grows with the values sent.
 * A path where reading already found a bad value is not reported again by a later check that
 * finds nothing there.
 */
final class Violations {
    /** Characters of a client's value a refusal repeats. */
    static final int ECHO = 200;
    private static final int FOUND_CHARS = 2 * ECHO;
    private static final int EXPECTED_CHARS = 1000;
    /** Paths remembered so a later check does not report a bad value twice; past this, checks stop. */
    private static final int REMEMBERED = 10_000;
    static final Pattern FINDING_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final int listed;
    private final List<Violation> found = new ArrayList<>();
    private final Set<String> readBad = new HashSet<>();
    private long total;
    private boolean overLimit;

    Violations(int listed) {
        this.listed = listed;
    }

    Violations() {
        this(BatchLimits.DEFAULTS.errorsListed());
    }

    void add(String path, String what, String expected) {
        if (readBad.contains(path)) {
            return;
        }
        total++;
        if (found.size() < listed) {
            found.add(new Violation(path, cut(what, FOUND_CHARS), cut(expected, EXPECTED_CHARS)));
        }
    }

    /** A value that could not be read at all (wrong type, bad date): later checks see nothing there. */
    void unreadable(String path, String what, String expected) {
        add(path, what, expected);
        if (readBad.size() < REMEMBERED) {
            readBad.add(path);
        }
    }

    /** A limit of {@link BatchLimits} broken: the batch is too large, not wrong (413, not 400); the value is not read. */
    void overLimit(String path, String what, String expected) {
        overLimit = true;
        unreadable(path, what, expected);
    }

    /** Too many values were unreadable to tell which later findings are echoes of them. */
    boolean tooManyToCheck() {
        return readBad.size() >= REMEMBERED;
    }

    boolean isEmpty() {
        return total == 0;
    }

    List<Violation> list() {
        return found;
    }

    BatchRejected rejection() {
        return new BatchRejected(found, total - found.size(), overLimit);
    }

    /** {@code field} of the entry at {@code at}: its path is spelt out only for a mistake (checks run per account). */
    void nonNegative(Integer n, String at, String field) {
        if (n != null && n < 0) {
            add(at + field, String.valueOf(n), "a whole number >= 0");
        }
    }

    void unitRef(String unit, String at, Map<String, Batch.Unit> units) {
        if (blank(unit)) {
            add(at, "nothing", "the id of a unit listed in units");
        } else if (!units.containsKey(unit)) {
            add(at, quote(unit), "the id of a unit listed in units");
        }
    }

    void findings(List<Batch.Finding> findings, String owner) {
        for (int f = 0; f < findings.size(); f++) {
            Batch.Finding fd = findings.get(f);
            String at = owner + ".findings[" + f + "].code";
            if (fd == null) {
                add(owner + ".findings[" + f + "]", "null", "a finding object such as { \"code\": \"ERROR_WORDS\" }");
            } else if (blank(fd.code())) {
                add(at, "nothing", "a finding code such as SERIOUS_WORDING_ERROR");
            } else if (!FINDING_CODE.matcher(fd.code()).matches()) {
                add(at, quote(fd.code()), "an upper-case code such as SERIOUS_WORDING_ERROR");
            }
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A client's string as a refusal shows it: quoted, and cut past {@link #ECHO} characters. */
    static String quote(String s) {
        return "\"" + cut(s, ECHO) + "\"";
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "... (" + s.length() + " characters)";
    }
}
