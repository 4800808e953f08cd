package govgrade.packs.build;

import govgrade.packs.Budgets;
import govgrade.packs.PackError;
import govgrade.packs.bounds.Bounded;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.packs.bounds.FiringWatch;
import govgrade.packs.tables.ReportSheet;
import govgrade.packs.tables.RuleWorkbook;
import govgrade.packs.tables.ScoringSheets;
import govgrade.rules.Criteria;
import govgrade.rules.Criterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The values a pack's criteria tables set, read the way rules will see them: each criteria row
 * is a rule that inserts a {@link Criterion}, so firing the criteria group once yields them all.
 */
final class CriteriaCollector {
    /** The code of a problem wording column: its rows give the order problems print in. */
    private static final String PROBLEM_LABEL = "Criterion.problemLabel";

    private CriteriaCollector() {
    }

    /** The criteria (null if they cannot be assembled), and what went wrong reading them. */
    record Collected(Criteria criteria, List<PackError> errors) {
    }

    /**
     * {@code workbooks} by file: the order of their problem rows is the order problems print in.
     * The rules fire within {@code budgets} (the compile time; firings as if each rule were a
     * fact, since each criteria row fires once): this is the first time a pack's code runs.
     */
    static Collected collect(String pack, String version, KieBase base, Map<String, RuleWorkbook> workbooks,
                             Budgets budgets) {
        List<PackError> errors = new ArrayList<>();
        List<Criterion> found = new ArrayList<>();
        int rules = base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        try {
            found.addAll(Bounded.run(pack, version, Bounded.Stage.CRITERIA, budgets, rules, watch -> fire(base, watch)));
        } catch (EvaluationFailed e) {
            errors.add(PackError.inFile(null, "reading the criteria tables failed: " + MessagePlacer.brief(e.getMessage())));
            return new Collected(null, errors);
        }
        List<String> problemRows = new ArrayList<>();
        workbooks.values().forEach(wb -> problemRows.addAll(wb.keysOf(PROBLEM_LABEL)));
        Criteria criteria = null;
        try {
            criteria = Criteria.of(found, problemRows).withReport(ReportSheet.words(workbooks.values()))
                    .withScoring(ScoringSheets.tables(workbooks.values()));
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
