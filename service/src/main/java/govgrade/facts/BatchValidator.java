package govgrade.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a bound batch before anything is graded and collects every violation, not just the
 * first, so a client fixes a batch in one round trip.
 */
final class BatchValidator {

    private static final Pattern FINDING_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern PACK_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final List<Violation> out = new ArrayList<>();

    private BatchValidator() {
    }

    static List<Violation> validate(Batch b) {
        BatchValidator v = new BatchValidator();
        v.check(b);
        return v.out;
    }

    private void add(String path, String found, String expected) {
        out.add(new Violation(path, found, expected));
    }

    private void check(Batch b) {
        if (b.pack() == null || b.pack().isBlank()) {
            add("pack", "nothing", "the id of a criteria pack, e.g. \"shangqiu\"");
        } else if (!PACK_ID.matcher(b.pack()).matches()) {
            add("pack", "\"" + b.pack() + "\"", "a pack id of lower-case letters, digits, '-' or '_'");
        }
        Batch.Period p = b.period();
        if (p == null) {
            add("period", "nothing", "an object with from, to and optionally checkDate");
        } else {
            if (p.from() == null) {
                add("period.from", "nothing", "a date YYYY-MM-DD");
            }
            if (p.to() == null) {
                add("period.to", "nothing", "a date YYYY-MM-DD");
            }
            if (p.from() != null && p.to() != null && p.to().isBefore(p.from())) {
                add("period.to", p.to().toString(), "a date on or after period.from (" + p.from() + ")");
            }
            if (p.checkDate() != null && p.from() != null && p.checkDate().isBefore(p.from())) {
                add("period.checkDate", p.checkDate().toString(), "a date on or after period.from (" + p.from() + ")");
            }
        }
        Map<String, Batch.Unit> units = checkUnits(b.units());
        checkAccounts(b.accounts(), units, p);
        checkColumns(b.columns(), units);
        checkActivity(b.activity(), units);
    }

    private Map<String, Batch.Unit> checkUnits(List<Batch.Unit> list) {
        Map<String, Batch.Unit> units = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Batch.Unit u = list.get(i);
            String at = "units[" + i + "]";
            if (u == null) {
                add(at, "null", "a unit object");
                continue;
            }
            if (blank(u.id())) {
                add(at + ".id", "nothing", "a unit id");
            } else if (units.putIfAbsent(u.id(), u) != null) {
                add(at + ".id", "\"" + u.id() + "\" a second time", "ids unique within units");
            }
            if (blank(u.name())) {
                add(at + ".name", "nothing", "the unit's name");
            }
            checkFindings(u.findings(), at);
        }
        return units;
    }

    private void checkAccounts(List<Batch.Account> list, Map<String, Batch.Unit> units, Batch.Period p) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Batch.Account a = list.get(i);
            String at = "accounts[" + i + "]";
            if (a == null) {
                add(at, "null", "an account object");
                continue;
            }
            if (blank(a.id())) {
                add(at + ".id", "nothing", "an account id");
            } else if (!ids.add(a.id())) {
                add(at + ".id", "\"" + a.id() + "\" a second time", "ids unique within accounts");
            }
            if (blank(a.name())) {
                add(at + ".name", "nothing", "the account's name");
            }
            if (a.platform() == null) {
                add(at + ".platform", "nothing", "a platform code or Chinese name, e.g. wechat or 微信公众号");
            }
            if (a.unit() != null && !units.containsKey(a.unit())) {
                add(at + ".unit", "\"" + a.unit() + "\"", "the id of a unit listed in units");
            }
            nonNegative(a.originals(), at + ".originals");
            nonNegative(a.reposts(), at + ".reposts");
            nonNegative(a.recommendedReposts(), at + ".recommendedReposts");
            if (a.lastUpdate() != null && p != null && p.to() != null && a.lastUpdate().isAfter(p.to())) {
                add(at + ".lastUpdate", a.lastUpdate().toString(), "a date on or before period.to (" + p.to() + ")");
            }
            checkSpan(a.longestGap(), at + ".longestGap", p);
            checkSpan(a.longestOriginalGap(), at + ".longestOriginalGap", p);
            if (a.hasPosts()) {
                checkPosts(a, at, p);
            }
            checkFindings(a.findings(), at);
            for (int m = 0; m < a.messages().size(); m++) {
                Batch.Message msg = a.messages().get(m);
                String mat = at + ".messages[" + m + "]";
                if (msg == null || msg.received() == null) {
                    add(mat + ".received", "nothing", "the instant the message came in");
                } else if (msg.answered() != null && msg.answered().isBefore(msg.received())) {
                    add(mat + ".answered", msg.answered().toString(),
                            "an instant on or after received (" + msg.received() + ")");
                }
            }
        }
    }

    private void checkPosts(Batch.Account a, String at, Batch.Period p) {
        LocalDate last = null;
        int originals = 0;
        int recommended = 0;
        boolean inPeriod = p != null && p.from() != null && p.to() != null;
        for (int j = 0; j < a.posts().size(); j++) {
            Batch.Post post = a.posts().get(j);
            // The path is spelt out only for a post in error: a national batch has millions of posts.
            if (post == null || post.date() == null) {
                add(at + ".posts[" + j + "].date", "nothing", "the date of the post");
                continue;
            }
            if (inPeriod && (post.date().isBefore(p.from()) || post.date().isAfter(p.to()))) {
                add(at + ".posts[" + j + "].date", post.date().toString(),
                        "a date inside the period " + p.from() + " to " + p.to());
            }
            if (last == null || post.date().isAfter(last)) {
                last = post.date();
            }
            originals += post.isOriginal() ? 1 : 0;
            recommended += post.isRecommended() ? 1 : 0;
        }
        int total = a.posts().size();
        // Aggregates given beside posts must say the same thing, or one of them is wrong.
        if (a.lastUpdate() != null && last != null && !a.lastUpdate().equals(last)) {
            add(at + ".lastUpdate", a.lastUpdate().toString(), last + ", the date of the newest post in posts");
        }
        if (a.lastUpdate() != null && total == 0) {
            add(at + ".lastUpdate", a.lastUpdate().toString(), "no lastUpdate, since posts is empty");
        }
        if (inPeriod) {
            LocalDate end = p.checkDate() != null && p.checkDate().isBefore(p.to()) ? p.checkDate() : p.to();
            // Runs are worked out only where the batch gives a gap to compare them with.
            if (isSpan(a.longestGap())) {
                gapDisagrees(a.longestGap(), longestRun(p.from(), end, dates(a.posts(), false)), at + ".longestGap",
                        "posts");
            }
            if (isSpan(a.longestOriginalGap())) {
                gapDisagrees(a.longestOriginalGap(), longestRun(p.from(), end, dates(a.posts(), true)),
                        at + ".longestOriginalGap", "original posts");
            }
        }
        disagree(a.originals(), originals, at + ".originals", "original posts in posts");
        disagree(a.reposts(), total - originals, at + ".reposts", "reposts (non-original posts) in posts");
        disagree(a.recommendedReposts(), recommended, at + ".recommendedReposts", "recommended reposts in posts");
    }

    private static boolean isSpan(Batch.DateSpan s) {
        return s != null && s.from() != null && s.to() != null;
    }

    private static List<LocalDate> dates(List<Batch.Post> posts, boolean originalOnly) {
        List<LocalDate> out = new ArrayList<>();
        for (Batch.Post post : posts) {
            if (post != null && post.date() != null && (!originalOnly || post.isOriginal())) {
                out.add(post.date());
            }
        }
        return out;
    }

    private void gapDisagrees(Batch.DateSpan given, int[] run, String path, String what) {
        if (given == null || given.from() == null || given.to() == null) {
            return;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(given.from(), given.to()) + 1;
        if (run == null || days != run[0]) {
            add(path, given.from() + " to " + given.to() + " (" + days + " days)", run == null
                    ? "no gap, since there is a day with " + what + " throughout the period"
                    : "a longest run of " + run[0] + " days without " + what + ", as posts show");
        }
    }

    /**
     * Length of the longest run of days in [from, to] on none of {@code dates}, or null for none.
     * Only the length is compared: two equally long runs are both "the longest".
     */
    private static int[] longestRun(LocalDate from, LocalDate to, List<LocalDate> dates) {
        List<LocalDate> sorted = new ArrayList<>(new java.util.TreeSet<>(dates));
        long best = 0;
        LocalDate prev = from.minusDays(1);
        for (LocalDate d : sorted) {
            if (d.isAfter(to)) {
                break;
            }
            best = Math.max(best, java.time.temporal.ChronoUnit.DAYS.between(prev, d) - 1);
            prev = d;
        }
        best = Math.max(best, java.time.temporal.ChronoUnit.DAYS.between(prev, to));
        return best <= 0 ? null : new int[] {(int) best};
    }

    private void disagree(Integer given, int counted, String path, String what) {
        if (given != null && given >= 0 && given != counted) {
            add(path, String.valueOf(given), counted + ", the number of " + what);
        }
    }

    private void checkSpan(Batch.DateSpan s, String at, Batch.Period p) {
        if (s == null) {
            return;
        }
        if (s.from() == null || s.to() == null) {
            add(at, "a span without " + (s.from() == null ? "from" : "to"), "{ \"from\": date, \"to\": date }");
        } else if (s.to().isBefore(s.from())) {
            add(at + ".to", s.to().toString(), "a date on or after " + at + ".from (" + s.from() + ")");
        } else if (p != null && p.from() != null && p.to() != null
                && (s.from().isBefore(p.from()) || s.to().isAfter(p.to()))) {
            add(at, s.from() + " to " + s.to(), "a span inside the period " + p.from() + " to " + p.to());
        }
    }

    private void checkColumns(List<Batch.Column> list, Map<String, Batch.Unit> units) {
        for (int i = 0; i < list.size(); i++) {
            Batch.Column c = list.get(i);
            String at = "columns[" + i + "]";
            if (c == null) {
                add(at, "null", "a column object");
                continue;
            }
            unitRef(c.unit(), at + ".unit", units);
            if (blank(c.name())) {
                add(at + ".name", "nothing", "the column's name");
            }
            if (c.cadence() == null) {
                add(at + ".cadence", "nothing", "realtime, N/week, N/month, N/quarter, N/half-year or N/year");
            }
            if (c.updates() == null) {
                add(at + ".updates", "nothing", "the number of updates in the period, a whole number >= 0");
            }
            nonNegative(c.updates(), at + ".updates");
            checkFindings(c.findings(), at);
        }
    }

    private void checkActivity(List<Batch.Activity> list, Map<String, Batch.Unit> units) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Batch.Activity a = list.get(i);
            String at = "activity[" + i + "]";
            if (a == null) {
                add(at, "null", "an activity object");
                continue;
            }
            unitRef(a.unit(), at + ".unit", units);
            if (a.channel() == null) {
                add(at + ".channel", "nothing", "disclosure, news, submissions or adoption");
            } else if (a.channel() == Channel.NEW_MEDIA || a.channel() == Channel.COLUMNS) {
                add(at + ".channel", "\"" + a.channel().code() + "\"",
                        "disclosure, news, submissions or adoption (accounts and columns have their own lists)");
            } else if (a.unit() != null && !seen.add(a.unit() + "\u0000" + a.channel())) {
                add(at, "a second " + a.channel().code() + " entry for unit \"" + a.unit() + "\"",
                        "one entry per unit and channel");
            }
            nonNegative(a.posts(), at + ".posts");
            nonNegative(a.submitted(), at + ".submitted");
            nonNegative(a.adopted(), at + ".adopted");
            nonNegative(a.adoptedInMonth(), at + ".adoptedInMonth");
            checkFindings(a.findings(), at);
        }
    }

    private void unitRef(String unit, String at, Map<String, Batch.Unit> units) {
        if (blank(unit)) {
            add(at, "nothing", "the id of a unit listed in units");
        } else if (!units.containsKey(unit)) {
            add(at, "\"" + unit + "\"", "the id of a unit listed in units");
        }
    }

    private void checkFindings(List<Batch.Finding> findings, String owner) {
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

    private void nonNegative(Integer n, String at) {
        if (n != null && n < 0) {
            add(at, String.valueOf(n), "a whole number >= 0");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
