package govgrade.grading;

import govgrade.derive.DerivedBatch;
import govgrade.derive.Subject;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.bounds.Bounded;
import govgrade.packs.bounds.FiringWatch;
import govgrade.rules.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.kie.api.runtime.KieSession;

/**
 * Fires a pack on one derived batch in a fresh session, within the budgets, and collects what the
 * rules inserted: outcomes, and any subjects a rule added (a unit the pack expects on a channel).
 * A session (not a stateless batch) so a watch can halt it and name the rule running.
 */
final class Grader {
    /** Subjects from which a batch is fired in parts: far above a county batch, so HTTP grading keeps one session. */
    static final int PARTITION_FROM = 20_000;
    private static final int MAX_PARTS = 4;

    private Grader() {
    }

    /** What one firing produced: subjects in batch order, then rule-made ones, and their outcomes. */
    record Firing(List<Subject> subjects, Map<Subject, List<Outcome<?>>> outcomes) {
    }

    /** Fires {@code pack} on {@code batch} within {@code budgets}; see {@link Bounded} for what stops it. */
    static Firing fire(CompiledPack pack, DerivedBatch batch, Budgets budgets) {
        return fire(pack, batch, budgets, parts(pack, batch));
    }

    /**
     * As above, in {@code parts} sessions side by side where the pack allows it ({@link Partitions}):
     * each part within its own budgets, as a batch of its size would be.
     */
    static Firing fire(CompiledPack pack, DerivedBatch batch, Budgets budgets, int parts) {
        List<Object> facts = batch.facts();
        facts.add(pack.criteria());
        Collection<?> out = parts > 1 && Partitions.sound(pack.kieBase())
                ? partitioned(pack, Partitions.split(facts, parts), budgets)
                : bounded(pack, facts, budgets);

        Map<Subject, List<Outcome<?>>> bySubject = new IdentityHashMap<>(facts.size());
        List<Subject> subjects = new ArrayList<>(facts.size());
        for (Object f : facts) {
            if (f instanceof Subject s && bySubject.putIfAbsent(s, new ArrayList<>(2)) == null) {
                subjects.add(s);
            }
        }
        List<Subject> added = new ArrayList<>();
        for (Object o : out) {
            if (o instanceof Subject s && bySubject.putIfAbsent(s, new ArrayList<>()) == null) {
                added.add(s);
            }
        }
        // Session output order is not fixed; rule-made subjects are listed by id.
        added.sort((a, b) -> a.getId().compareTo(b.getId()));
        subjects.addAll(added);
        for (Object o : out) {
            if (o instanceof Outcome<?> oc) {
                bySubject.computeIfAbsent(oc.getSubject(), k -> new ArrayList<>()).add(oc);
            }
        }
        for (List<Outcome<?>> l : bySubject.values()) {
            if (l.size() > 1) {
                l.sort((a, b) -> Long.compare(a.getSequence(), b.getSequence()));
            }
        }
        return new Firing(subjects, bySubject);
    }

    /**
     * One session per core for a batch large enough to repay the threads; below that, one session,
     * so small batches (a county's, every HTTP request's) fire exactly as they always have.
     */
    private static int parts(CompiledPack pack, DerivedBatch batch) {
        int subjects = batch.accounts().size() + batch.activity().size() + batch.columns().size();
        return subjects < PARTITION_FROM ? 1 : Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors());
    }

    private static Collection<?> bounded(CompiledPack pack, List<Object> facts, Budgets budgets) {
        return Bounded.run(pack.id(), pack.version(), Bounded.Stage.GRADING, budgets, facts.size(),
                watch -> session(pack, facts, watch));
    }

    /** Every part fired at once; the first part's failure (in part order) is the one reported. */
    private static Collection<?> partitioned(CompiledPack pack, List<List<Object>> parts, Budgets budgets) {
        List<CompletableFuture<Collection<?>>> running = new ArrayList<>(parts.size() - 1);
        for (List<Object> part : parts.subList(1, parts.size())) {
            running.add(CompletableFuture.supplyAsync(() -> bounded(pack, part, budgets), Grader::daemon));
        }
        List<Object> out = new ArrayList<>();
        RuntimeException failed = null;
        try {
            out.addAll(bounded(pack, parts.get(0), budgets));
        } catch (RuntimeException e) {
            failed = e;
        }
        for (CompletableFuture<Collection<?>> part : running) {
            try {
                out.addAll(part.join());
            } catch (CompletionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return out;
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "grading-part");
        t.setDaemon(true);
        t.start();
    }

    /** Runs on the worker: the session is dropped with this frame, whether it finished or not. */
    private static Collection<?> session(CompiledPack pack, List<Object> facts, FiringWatch watch) {
        KieSession session = watch.attach(pack.kieBase().newKieSession());
        try {
            facts.forEach(session::insert);
            session.fireAllRules(watch.maxFirings());
            if (watch.halted()) {
                // Nobody waits for this answer: a rule that fed itself until the time ran out leaves a session of
                // many facts, and gathering them kept the worker past its grace, to be counted as stuck.
                return List.of();
            }
            return new ArrayList<>(session.getObjects(o -> o instanceof Outcome || o instanceof Subject));
        } finally {
            session.dispose();
        }
    }
}
