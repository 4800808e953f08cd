package govgrade.packs;

import java.time.Duration;

/**
 * How much work a pack's rules may do: rule firings per evaluation, in proportion to the facts
 * fired on, and wall-clock time per grading and per compile. A rule file is Java that the service
 * runs; these bounds are what keeps a rule that never stops from holding a request, a pack lock or
 * the heap. Validated here, then fixed; the serve flags that set each one are named in every error.
 *
 * @param firingsPerFact   firings allowed per fact inserted (the bundled packs need at most 1.05)
 * @param firingFloor      firings allowed whatever the facts (small batches, criteria collection)
 * @param grading          wall-clock budget of one grading's rule session
 * @param compile          wall-clock budget of each compile step: the Drools build, and firing the
 *                         criteria tables once to collect their values
 * @param stuckPerVersion  workers of one version that did not stop when their budget ran out
 *                         (still alive, abandoned) before that version is refused outright
 */
public record Budgets(int firingsPerFact, int firingFloor, Duration grading, Duration compile, int stuckPerVersion) {
    public static final String FIRINGS_FLAG = "--max-firings-per-fact";
    public static final String FLOOR_FLAG = "--min-firings";
    public static final String GRADING_FLAG = "--grading-timeout-s";
    public static final String COMPILE_FLAG = "--compile-timeout-s";
    public static final String STUCK_FLAG = "--max-stuck-workers";
    /** Beyond a day a budget is no bound (declared before DEFAULTS, which is checked against it). */
    static final Duration LONGEST = Duration.ofDays(1);

    /**
     * Measured on the published circulars (README, "Limits on rule evaluation"): the bundled packs
     * fire at most 1.05 times per fact on average and twice on any one subject, so 20 per fact is
     * ten times what a subject needs. A rule that feeds itself makes a fact of about 600 bytes per
     * firing at some 50,000 firings a second here: the floor stops one on a small batch in a fraction
     * of a second and a few megabytes. The time budget stops it on a big one, where 20 per fact would
     * allow minutes: a 150,000-account batch fires in about a second, its grading in 10 s; 30 s.
     */
    public static final Budgets DEFAULTS = new Budgets(20, 10_000, Duration.ofSeconds(30), Duration.ofSeconds(60), 2);

    public Budgets {
        require(firingsPerFact >= 1, "firings per fact: " + firingsPerFact + " must be at least 1 (" + FIRINGS_FLAG + ")");
        require(firingFloor >= 1, "firing floor: " + firingFloor + " must be at least 1 (" + FLOOR_FLAG + ")");
        require(grading != null && !grading.isNegative() && !grading.isZero() && grading.compareTo(LONGEST) <= 0,
                "grading budget: " + grading + " must be more than zero and at most a day (" + GRADING_FLAG + ")");
        require(compile != null && !compile.isNegative() && !compile.isZero() && compile.compareTo(LONGEST) <= 0,
                "compile budget: " + compile + " must be more than zero and at most a day (" + COMPILE_FLAG + ")");
        require(stuckPerVersion >= 1, "stuck workers per version: " + stuckPerVersion + " must be at least 1 ("
                + STUCK_FLAG + ")");
    }

    /** The firings one evaluation over {@code facts} facts may make: the floor plus so many per fact. */
    public long firingLimit(int facts) {
        return firingFloor + (long) firingsPerFact * Math.max(0, facts);
    }

    public Budgets withFirings(int perFact, int floor) {
        return new Budgets(perFact, floor, grading, compile, stuckPerVersion);
    }

    public Budgets withTimes(Duration gradingBudget, Duration compileBudget) {
        return new Budgets(firingsPerFact, firingFloor, gradingBudget, compileBudget, stuckPerVersion);
    }

    public Budgets withStuckPerVersion(int stuck) {
        return new Budgets(firingsPerFact, firingFloor, grading, compile, stuck);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
