package govgrade.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import govgrade.grading.GradedRun;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A what-if answer: each subject whose outcome changed, before and after, and the grade counts. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WhatIf(String id, String run, GradedRun.PackRef base, GradedRun.PackRef against, List<Change> changes,
                     Grades grades) {

    /**
     * Compares two gradings of one batch: each subject whose grade, label, rank, score or problems
     * differ, and the grade counts of both. {@code id} names the answer (null where it is not stored).
     */
    public static WhatIf between(String id, GradedRun before, GradedRun after) {
        return new WhatIf(id, before.run(), before.pack(), after.pack(), Diff.changes(before, after),
                new Grades(Diff.gradeCounts(before), Diff.gradeCounts(after)));
    }

    public record Change(GradedRun.SubjectRef subject, String channel, Outcome before, Outcome after) {
    }

    /** What a circular prints of a subject; null on one side where the subject is only on the other. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Outcome(String grade, String label, Integer rank, BigDecimal score,
                          List<GradedRun.ProblemOut> problems) {
    }

    public record Grades(Map<String, Integer> before, Map<String, Integer> after) {
    }
}
