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
    private static final Map<Criterion.Kind, String> MARKERS = Map.of(
            Criterion.Kind.NUMBER, "Criterion.number",
            Criterion.Kind.SETTING, "Criterion.setting",
            Criterion.Kind.GRADE_LABEL, "Criterion.gradeLabel",
            Criterion.Kind.PROBLEM_LABEL, "Criterion.problemLabel",
            Criterion.Kind.PROBLEM_GRADE, "Criterion.problemGrade");

    private CriteriaCollector() {
    }

    /** The criteria, and what kept a value out of them, at its cell where a table row names it. */
    record Collected(Criteria criteria, List<PackError> errors) {
    }

    /** {@code workbooks} by file: where the rows are, and the order problems print in. */
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
        workbooks.values().forEach(wb -> problemRows.addAll(wb.keysOf(MARKERS.get(Criterion.Kind.PROBLEM_LABEL))));
        List<Criteria.Error> bad = new ArrayList<>();
        Criteria criteria = Criteria.build(found, problemRows, bad);
        for (Criteria.Error e : bad) {
            errors.add(placed(e, workbooks));
        }
        return new Collected(criteria, errors);
    }

    private static PackError placed(Criteria.Error e, Map<String, RuleWorkbook> workbooks) {
        for (var wb : workbooks.entrySet()) {
            var place = wb.getValue().cellOf(e.key(), MARKERS.get(e.kind()));
            if (place.isPresent()) {
                return PackError.inSheet(wb.getKey(), place.get().sheet(), place.get().cell(), e.key() + ": " + e.message());
            }
        }
        return PackError.inFile(null, e.key() + ": " + e.message());
    }
}
