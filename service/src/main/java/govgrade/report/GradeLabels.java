package govgrade.report;

import govgrade.grading.GradedRun;
import govgrade.rules.Grade;
import govgrade.runs.WhatIf;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a run's pack uses for its grades (one pack's 差 is another's 不合格), learnt from the
 * results themselves since a report may be written from a result file with no pack at hand.
 */
final class GradeLabels {
    private GradeLabels() {
    }

    /** Grade code to label, as the results print them. */
    static Map<String, String> of(List<GradedRun.Result> results) {
        Map<String, String> out = new HashMap<>();
        for (GradedRun.Result r : results) {
            if (r.grade() != null && r.label() != null) {
                out.putIfAbsent(r.grade(), r.label());
            }
        }
        return out;
    }

    /** Grade code to label, as a what-if's outcomes print them, before and after. */
    static Map<String, String> ofChanges(List<WhatIf.Change> changes) {
        Map<String, String> out = new HashMap<>();
        for (WhatIf.Change c : changes) {
            for (WhatIf.Outcome o : new WhatIf.Outcome[] {c.before(), c.after()}) {
                if (o != null && o.grade() != null && o.label() != null) {
                    out.putIfAbsent(o.grade(), o.label());
                }
            }
        }
        return out;
    }

    /** The label given, or where there is none (hand-written JSON) the usual word for the grade. */
    static String label(String grade, String label) {
        if (label != null || grade == null) {
            return label;
        }
        Grade g = Grade.lookup(grade);
        return g == null ? grade : g.defaultLabel();
    }

    /** What to head a column counting {@code grade} with. */
    static String heading(String grade, Map<String, String> labels) {
        return labels.getOrDefault(grade, label(grade, null));
    }
}
