package govgrade.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import govgrade.grading.GradedRun;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A what-if answer: each subject whose outcome changed, before and after, and the grade counts. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WhatIf(String id, String run, GradedRun.PackRef base, GradedRun.PackRef against, List<Change> changes,
                     Grades grades) {

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
