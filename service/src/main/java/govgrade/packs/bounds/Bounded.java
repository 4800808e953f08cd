package govgrade.packs.bounds;

import govgrade.packs.Budgets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one evaluation of a pack's rules (a grading, a build, the criteria collection) on a worker
 * thread of its own, within a firing limit and a wall-clock budget, and answers its result or an
 * {@link EvaluationFailed}; the caller is released when the budget runs out, whatever the rules do.
 * A worker whose rules ignore both halt and interruption is abandoned (a daemon thread, named for
 * its pack, logged once) and counted; past {@link Budgets#stuckPerVersion()} of them the version
 * is refused without starting another. Errors of the rules (an exception, out of memory, a stack
 * overflow) are caught on the worker, so the session and whatever it allocated are dropped there.
 */
public final class Bounded {
    private static final Logger LOG = LoggerFactory.getLogger(Bounded.class);
    /** After the budget, how long a halted or interrupted worker gets to stop before it is abandoned. */
    private static final Duration GRACE = Duration.ofMillis(500);
    private static final AtomicLong WORKERS = new AtomicLong();
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("\\[Rule \"([^\"]+)\"");

    /** What is evaluated: the stage names the budget that applies and the words of the errors. */
    public enum Stage {
        GRADING("grading", "facts", Budgets.GRADING_FLAG),
        BUILD("compiling", "rules", Budgets.COMPILE_FLAG),
        CRITERIA("collecting its criteria", "rules", Budgets.COMPILE_FLAG);

        private final String doing;
        /** What the firing limit is in proportion to. */
        private final String per;
        private final String flag;

        Stage(String doing, String per, String flag) {
            this.doing = doing;
            this.per = per;
            this.flag = flag;
        }

        Duration budget(Budgets b) {
            return this == GRADING ? b.grading() : b.compile();
        }
    }

    /** The evaluation itself, handed the watch to attach to its session. */
    @FunctionalInterface
    public interface Work<T> {
        T run(FiringWatch watch) throws Exception;
    }

    private final String pack;
    private final String version;
    private final Stage stage;
    private final Budgets budgets;
    private final int facts;

    private Bounded(String pack, String version, Stage stage, Budgets budgets, int facts) {
        this.pack = pack;
        this.version = version;
        this.stage = stage;
        this.budgets = budgets;
        this.facts = facts;
    }

    /**
     * {@code work}'s result, or the reason there is none. {@code facts}: how many facts the session
     * is given, or for the criteria, how many rules it holds (the firing limit is in proportion).
     */
    public static <T> T run(String pack, String version, Stage stage, Budgets budgets, int facts, Work<T> work) {
        return new Bounded(pack, version, stage, budgets, facts).run(work);
    }

    private <T> T run(Work<T> work) {
        int stuck = StuckWorkers.alive(version);
        if (stuck >= budgets.stuckPerVersion()) {
            throw new EvaluationFailed(EvaluationFailed.Kind.STUCK, pack, version, null,
                    budgets.stuckPerVersion() + " stuck workers", Budgets.STUCK_FLAG, "pack " + pack + " version "
                    + version + " is not run: " + stuck + " earlier evaluations of it never stopped and still hold a"
                    + " core each (" + Budgets.STUCK_FLAG + " " + budgets.stuckPerVersion() + "); restart the service"
                    + " after replacing the rule that does not stop", null);
        }
        FiringWatch watch = new FiringWatch(budgets.firingLimit(facts));
        CompletableFuture<T> done = new CompletableFuture<>();
        Worker worker = Worker.start("rules-" + stage.name().toLowerCase() + "-" + pack + "-" + WORKERS.incrementAndGet(),
                () -> {
                    try {
                        T result = work.run(watch);
                        if (watch.exceeded()) {
                            done.completeExceptionally(tooManyFirings(watch));
                        } else {
                            done.complete(result);
                        }
                    } catch (Throwable t) {
                        // Out of memory too: the session is unreachable once this frame is left, so its heap comes back.
                        done.completeExceptionally(t);
                    }
                });
        Duration budget = stage.budget(budgets);
        try {
            return done.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), watch);
        } catch (TimeoutException e) {
            String rule = watch.running();
            String which = rule == null ? "" : "; rule \"" + rule + "\" was running";
            // Stopped between firings (rules that keep each other busy): the counts are the worker's
            // and may be read only once it has ended, which join makes visible here.
            if (!stop(worker, watch) && rule == null && watch.mostFired() != null) {
                rule = watch.mostFired().getKey();
                which = String.format("; rule \"%s\" had fired most, %,d times", rule, watch.mostFired().getValue());
            }
            throw new EvaluationFailed(EvaluationFailed.Kind.TIMEOUT, pack, version, rule, seconds(budget),
                    stage.flag, "pack " + pack + " version " + version + " took longer than " + seconds(budget)
                    + " " + stage.doing + which + " (serve " + stage.flag + " raises the budget)", null);
        } catch (InterruptedException e) {
            stop(worker, watch);
            Thread.currentThread().interrupt();
            throw new EvaluationFailed(EvaluationFailed.Kind.FAILED, pack, version, watch.running(), null, null,
                    stage.doing + " pack " + pack + " was interrupted (the service is stopping)", e);
        }
    }

    /** Halts the session, interrupts the worker, and abandons it if neither stops it: true then. */
    private boolean stop(Worker worker, FiringWatch watch) {
        watch.halt();
        worker.interrupt();
        try {
            worker.awaitEnd(GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.running()) {
            StuckWorkers.add(version, worker);
            LOG.warn("abandoned worker {}: pack {} version {} ignored halt and interruption after {} {}; it keeps a core"
                            + " until the process ends ({} of this version, {} allowed)", worker.name(), pack, version,
                    seconds(stage.budget(budgets)), stage.doing, StuckWorkers.alive(version), budgets.stuckPerVersion());
            return true;
        }
        return false;
    }

    private EvaluationFailed tooManyFirings(FiringWatch watch) {
        var most = watch.mostFired();
        String rule = most == null ? null : most.getKey();
        String limit = String.format("%,d firings", watch.limit());
        return new EvaluationFailed(EvaluationFailed.Kind.FIRINGS, pack, version, rule, limit, Budgets.FIRINGS_FLAG,
                String.format("pack %s version %s stopped %s after more than %,d rule firings, its limit for %,d %s"
                                + " (%,d + %,d per %s; serve %s raises it)%s", pack, version, stage.doing,
                        watch.limit(), facts, stage.per, budgets.firingFloor(), budgets.firingsPerFact(),
                        stage.per.substring(0, stage.per.length() - 1), Budgets.FIRINGS_FLAG,
                        rule == null ? "" : String.format(": rule \"%s\" fired %,d times, the most of any rule", rule,
                                most.getValue())), null);
    }

    private EvaluationFailed failure(Throwable t, FiringWatch watch) {
        if (t instanceof EvaluationFailed f) {
            return f;
        }
        String rule = watch.running() != null ? watch.running() : ruleNamedIn(t);
        String where = "pack " + pack + " version " + version + (rule == null ? "" : ", rule \"" + rule + "\",");
        if (t instanceof OutOfMemoryError) {
            LOG.warn("{} ran out of memory {}; the session was dropped", where, stage.doing);
            return new EvaluationFailed(EvaluationFailed.Kind.MEMORY, pack, version, rule, null, null,
                    where + " ran out of memory " + stage.doing + "; the session was dropped", t);
        }
        if (t instanceof StackOverflowError) {
            return new EvaluationFailed(EvaluationFailed.Kind.FAILED, pack, version, rule, null, null,
                    where + " recursed without end " + stage.doing, t);
        }
        return new EvaluationFailed(EvaluationFailed.Kind.FAILED, pack, version, rule, null, null,
                where + " failed " + stage.doing + ": " + rootMessage(t), t);
    }

    /**
     * A condition is evaluated outside any firing, so no rule is running when it throws; Drools
     * names the rule in the text of the exception it wraps the error in.
     */
    private static String ruleNamedIn(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            Matcher m = RULE_IN_MESSAGE.matcher(String.valueOf(c.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The innermost message: Drools wraps a rule's exception in its own, whose text is its rule dump. */
    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
