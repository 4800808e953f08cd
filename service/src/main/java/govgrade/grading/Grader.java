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
import org.kie.api.runtime.KieSession;

/**
 * Fires a pack on one derived batch in a fresh session, within the budgets, and collects what the
 * rules inserted: outcomes, and any subjects a rule added (a unit the pack expects on a channel).
 * A session (not a stateless batch) so a watch can halt it and name the rule running.
 */
final class Grader {
    private Grader() {
    }

    /** What one firing produced: subjects in batch order, then rule-made ones, and their outcomes. */
    record Firing(List<Subject> subjects, Map<Subject, List<Outcome<?>>> outcomes) {
    }

    /** Fires {@code pack} on {@code batch} within {@code budgets}; see {@link Bounded} for what stops it. */
    static Firing fire(CompiledPack pack, DerivedBatch batch, Budgets budgets) {
        List<Object> facts = batch.facts();
        facts.add(pack.criteria());
        Collection<?> out = Bounded.run(pack.id(), pack.version(), Bounded.Stage.GRADING, budgets, facts.size(),
                watch -> session(pack, facts, watch));

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

    /** Runs on the worker: the session is dropped with this frame, whether it finished or not. */
    private static Collection<?> session(CompiledPack pack, List<Object> facts, FiringWatch watch) {
        KieSession session = watch.attach(pack.kieBase().newKieSession());
        try {
            facts.forEach(session::insert);
            session.fireAllRules(watch.maxFirings());
            return new ArrayList<>(session.getObjects(o -> o instanceof Outcome || o instanceof Subject));
        } finally {
            session.dispose();
        }
    }
}
