package govgrade.packs.build;

import govgrade.packs.PackError;
import govgrade.packs.tables.RuleWorkbook;
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

    /** {@code workbooks} by file: the order of their problem rows is the order problems print in. */
    static Collected collect(KieBase base, Map<String, RuleWorkbook> workbooks) {
        List<PackError> errors = new ArrayList<>();
        List<Criterion> found = new ArrayList<>();
        KieSession session = base.newKieSession();
        try {
            session.getAgenda().getAgendaGroup(PackBuilder.CRITERIA_GROUP).setFocus();
            session.fireAllRules();
            for (Object o : session.getObjects(o -> o instanceof Criterion)) {
                found.add((Criterion) o);
            }
        } catch (RuntimeException e) {
            errors.add(PackError.inFile(null, "reading the criteria tables failed: "
                    + MessagePlacer.brief(String.valueOf(e.getMessage()))));
        } finally {
            session.dispose();
        }
        List<String> problemRows = new ArrayList<>();
        workbooks.values().forEach(wb -> problemRows.addAll(wb.keysOf(PROBLEM_LABEL)));
        Criteria criteria = null;
        try {
            criteria = Criteria.of(found, problemRows);
        } catch (IllegalArgumentException e) {
            // The tables' values passed their checks at their cells: this one came from elsewhere (DRL).
            errors.add(PackError.inFile(null, "a criterion the pack sets cannot be used: " + e.getMessage()));
        }
        return new Collected(criteria, errors);
    }
}
