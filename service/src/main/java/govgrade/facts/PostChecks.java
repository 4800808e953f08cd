package govgrade.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Checks an account's posts: each dated inside the period, and any aggregates or longest gaps
 * given beside them saying what the posts say, or one of the two is wrong.
 */
final class PostChecks {
    private PostChecks() {
    }

    static void check(Batch.Account a, String at, Batch.Period p, Violations out) {
        LocalDate last = null;
        int originals = 0;
        int recommended = 0;
        boolean inPeriod = p != null && p.from() != null && p.to() != null;
        boolean undated = false;
        for (int j = 0; j < a.posts().size(); j++) {
            Batch.Post post = a.posts().get(j);
            // The path is spelt out only for a post in error: a national batch has millions of posts.
            if (post == null) {
                out.add(at + ".posts[" + j + "]", "null", "a post object with its date");
                undated = true;
                continue;
            }
            if (post.date() == null) {
                out.add(at + ".posts[" + j + "].date", "nothing", "the date of the post");
                undated = true;
                continue;
            }
            if (inPeriod && (post.date().isBefore(p.from()) || post.date().isAfter(p.to()))) {
                out.add(at + ".posts[" + j + "].date", post.date().toString(),
                        "a date inside the period " + p.from() + " to " + p.to());
            }
            if (last == null || post.date().isAfter(last)) {
                last = post.date();
            }
            originals += post.isOriginal() ? 1 : 0;
            recommended += post.isRecommended() ? 1 : 0;
        }
        if (undated) {
            // A post without a date (reported) would make every comparison below a second, wrong report.
            return;
        }
        int total = a.posts().size();
        if (a.lastUpdate() != null && last != null && !a.lastUpdate().equals(last)) {
            out.add(at + ".lastUpdate", a.lastUpdate().toString(), last + ", the date of the newest post in posts");
        }
        if (inPeriod) {
            gaps(a, at, p, out);
        }
        disagree(a.originals(), originals, at, ".originals", "original posts in posts", out);
        disagree(a.reposts(), total - originals, at, ".reposts", "reposts (non-original posts) in posts", out);
        disagree(a.recommendedReposts(), recommended, at, ".recommendedReposts", "recommended reposts in posts", out);
    }

    /** Runs are worked out only where the batch gives a gap to compare them with. */
    private static void gaps(Batch.Account a, String at, Batch.Period p, Violations out) {
        // Days after the check date are not yet observed, as derivation counts them.
        LocalDate end = p.checkDate() != null && p.checkDate().isBefore(p.to()) ? p.checkDate() : p.to();
        if (isSpan(a.longestGap())) {
            gapDisagrees(a.longestGap(), longestRun(a, p.from(), end, false), at + ".longestGap", "posts", out);
        }
        if (isSpan(a.longestOriginalGap())) {
            gapDisagrees(a.longestOriginalGap(), longestRun(a, p.from(), end, true), at + ".longestOriginalGap",
                    "original posts", out);
        }
    }

    private static boolean isSpan(Batch.DateSpan s) {
        return s != null && s.from() != null && s.to() != null;
    }

    /**
     * Length of the longest run of days in [from, to] without a (original) post, 0 for none.
     * Only the length is compared: two equally long runs are both "the longest".
     */
    private static int longestRun(Batch.Account a, LocalDate from, LocalDate to, boolean originalOnly) {
        DayRuns days = new DayRuns(from, to);
        for (Batch.Post post : a.posts()) {
            if (post != null && post.date() != null && (!originalOnly || post.isOriginal())) {
                days.mark(post.date());
            }
        }
        return days.longest();
    }

    private static void gapDisagrees(Batch.DateSpan given, int run, String path, String what, Violations out) {
        long days = ChronoUnit.DAYS.between(given.from(), given.to()) + 1;
        if (days != run) {
            out.add(path, given.from() + " to " + given.to() + " (" + days + " days)", run == 0
                    ? "no gap, since there is a day with " + what + " throughout the period"
                    : "a longest run of " + run + " days without " + what + ", as posts show");
        }
    }

    /** The path ({@code at} and {@code field}) is spelt out only where they disagree: this runs per account. */
    private static void disagree(Integer given, int counted, String at, String field, String what, Violations out) {
        if (given != null && given >= 0 && given != counted) {
            out.add(at + field, String.valueOf(given), counted + ", the number of " + what);
        }
    }
}
