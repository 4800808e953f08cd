package govgrade.grading;

import govgrade.derive.DerivedBatch;
import govgrade.derive.Subject;
import govgrade.packs.CompiledPack;
import govgrade.rules.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Fires a pack on one derived batch in a fresh stateless session and collects what the rules
 * inserted: outcomes, and any subjects a rule added (a unit the pack expects on a channel).
 */
final class Grader {
    private static final String OUT = "out";

    private Grader() {
    }

    /** What one firing produced: subjects in batch order, then rule-made ones, and their outcomes. */
    record Firing(List<Subject> subjects, Map<Subject, List<Outcome<?>>> outcomes) {
    }

    static Firing fire(CompiledPack pack, DerivedBatch batch) {
        List<Object> facts = batch.facts();
        facts.add(pack.criteria());
        KieCommands commands = KieServices.Factory.get().getCommands();
        List<Command<?>> batchCommands = List.of(
                commands.newInsertElements(facts),
                commands.newFireAllRules(),
                commands.newGetObjects(o -> o instanceof Outcome || o instanceof Subject, OUT));
        StatelessKieSession session = pack.kieBase().newStatelessKieSession();
        ExecutionResults results;
        try {
            results = session.execute(commands.newBatchExecution(batchCommands));
        } catch (RuntimeException e) {
            throw new IllegalStateException("pack " + pack.id() + " version " + pack.version()
                    + " failed while grading: " + e.getMessage(), e);
        }
        Collection<?> out = (Collection<?>) results.getValue(OUT);

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
}
