package govgrade.facts;

/**
 * How much one batch may hold. A batch is read and checked against these while it is read, so the
 * work one request causes is bounded by these numbers and the body limit, never by a value inside
 * it: a period of a million years, or a million posts, is refused before anything is built for it.
 * Each limit is named, in a refusal, by the option that raises it.
 *
 * @param periodDays         days from period.from to period.to, both counted
 * @param units              entries of units
 * @param accounts           entries of accounts
 * @param columns            entries of columns
 * @param activity           entries of activity
 * @param postsPerAccount    posts of one account
 * @param messagesPerAccount messages of one account
 * @param findingsPerEntry   findings of one unit, account, column or activity entry
 * @param stringChars        characters of any string (ids, names, regions, notes)
 * @param errorsListed       mistakes listed in a refusal; the rest are counted
 * @param earlierPeriods     earlier periods a batch carries (also how far back the service chains stored runs)
 * @param earlierResults     results of one earlier period
 */
public record BatchLimits(int periodDays, int units, int accounts, int columns, int activity, int postsPerAccount,
                          int messagesPerAccount, int findingsPerEntry, int stringChars, int errorsListed,
                          int earlierPeriods, int earlierResults) {

    /**
     * A leap year is the longest period a circular covers; the national batch (150,000 accounts,
     * 50,000 units) fits with room; a daily account posting 50 times a day for a year fits.
     */
    public static final BatchLimits DEFAULTS = new BatchLimits(366, 100_000, 200_000, 200_000, 400_000, 20_000,
            10_000, 1_000, 500, 100);

    /** Two years of monthly periods: the longest run of months a circular counts ("连续N个月"), with room. */
    public static final int EARLIER_PERIODS = 24;

    /** The option of {@code serve} (and {@code grade}) that raises each limit, as refusals name it. */
    static final String PERIOD_DAYS = "--max-period-days";
    static final String UNITS = "--max-units";
    static final String ACCOUNTS = "--max-accounts";
    static final String COLUMNS = "--max-columns";
    static final String ACTIVITY = "--max-activity";
    static final String POSTS = "--max-posts-per-account";
    static final String MESSAGES = "--max-messages-per-account";
    static final String FINDINGS = "--max-findings";
    static final String STRING_CHARS = "--max-string-chars";
    static final String ERRORS_LISTED = "--max-errors-listed";
    static final String EARLIER_PERIODS_FLAG = "--max-earlier-periods";
    static final String EARLIER_RESULTS = "--max-earlier-results";

    public BatchLimits {
        positive(periodDays, PERIOD_DAYS);
        positive(units, UNITS);
        positive(accounts, ACCOUNTS);
        positive(columns, COLUMNS);
        positive(activity, ACTIVITY);
        positive(postsPerAccount, POSTS);
        positive(messagesPerAccount, MESSAGES);
        positive(findingsPerEntry, FINDINGS);
        positive(stringChars, STRING_CHARS);
        positive(errorsListed, ERRORS_LISTED);
        positive(earlierPeriods, EARLIER_PERIODS_FLAG);
        positive(earlierResults, EARLIER_RESULTS);
        // Past this a single account's day bitmaps alone outgrow a small heap (4-digit years span 3.65M days).
        if (periodDays > 3_660_000) {
            throw new IllegalArgumentException(PERIOD_DAYS + " " + periodDays + " is longer than any 4-digit-year period");
        }
    }

    /**
     * Limits with the default earlier-period limits: 24 periods, and as many results in each as
     * a batch may have units and accounts together.
     */
    public BatchLimits(int periodDays, int units, int accounts, int columns, int activity, int postsPerAccount,
                       int messagesPerAccount, int findingsPerEntry, int stringChars, int errorsListed) {
        this(periodDays, units, accounts, columns, activity, postsPerAccount, messagesPerAccount, findingsPerEntry,
                stringChars, errorsListed, EARLIER_PERIODS, (int) Math.min(Integer.MAX_VALUE, (long) units + accounts
                        + activity));
    }

    /** These limits with other earlier-period limits. */
    public BatchLimits withEarlier(int periods, int results) {
        return new BatchLimits(periodDays, units, accounts, columns, activity, postsPerAccount, messagesPerAccount,
                findingsPerEntry, stringChars, errorsListed, periods, results);
    }

    private static void positive(int n, String flag) {
        if (n < 1) {
            throw new IllegalArgumentException(flag + " " + n + " must be at least 1");
        }
    }
}
