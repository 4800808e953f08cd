package govgrade.packs.build;

import govgrade.packs.Budgets;
import govgrade.packs.PackError;
import govgrade.packs.bounds.Bounded;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.packs.bounds.FiringWatch;
import govgrade.rules.Criteria;
import govgrade.rules.Criterion;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The values a pack's criteria tables set, read the way rules will see them: each criteria row
 * is a rule that inserts a {@link Criterion}, so firing the criteria group once yields them all.
 */
final class CriteriaCollector {
    private CriteriaCollector() {
    }

    /** The criteria (null if they cannot be assembled), and what went wrong reading them. */
    record Collected(Criteria criteria, List<PackError> errors) {
    }

    /**
     * {@code sheets}: the workbook's values that no rule sets (the order of the problem rows, the
     * report's words, the scoring tables). The rules fire within {@code budgets} (the compile time;
     * firings as if each rule were a fact, since each criteria row fires once): this is the first
     * time a pack's code runs.
     */
    static Collected collect(String pack, String version, KieBase base, SheetValues sheets, Budgets budgets) {
        List<PackError> errors = new ArrayList<>();
        List<Criterion> found = new ArrayList<>();
        int rules = base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        try {
            found.addAll(Bounded.run(pack, version, Bounded.Stage.CRITERIA, budgets, rules, watch -> fire(base, watch)));
        } catch (EvaluationFailed e) {
            errors.add(PackError.inFile(null, "reading the criteria tables failed: " + MessagePlacer.brief(e.getMessage())));
            return new Collected(null, errors);
        }
        Criteria criteria = null;
        try {
            criteria = Criteria.of(found, sheets.problemRows()).withReport(sheets.report()).withScoring(sheets.scoring());
        } catch (IllegalArgumentException e) {
            // The tables' values passed their checks at their cells: this one came from elsewhere (DRL).
            errors.add(PackError.inFile(null, "a criterion the pack sets cannot be used: " + e.getMessage()));
        }
        return new Collected(criteria, errors);
    }

    private static List<Criterion> fire(KieBase base, FiringWatch watch) {
        KieSession session = watch.attach(base.newKieSession());
        try {
            session.getAgenda().getAgendaGroup(PackBuilder.CRITERIA_GROUP).setFocus();
            session.fireAllRules(watch.maxFirings());
            List<Criterion> found = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Criterion)) {
                found.add((Criterion) o);
            }
            return found;
        } finally {
            session.dispose();
        }
    }
}
