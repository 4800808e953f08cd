package govgrade.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import govgrade.grading.GradedRun;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two gradings of one batch, compared subject by subject: only what a circular would print counts. */
class DiffTest {

    private static GradedRun.Result result(String id, String channel, String grade, String score, Integer rank,
                                           String... problems) {
        return new GradedRun.Result(new GradedRun.SubjectRef("account", id, id + "号", null, "眉县", null), channel,
                grade, grade == null ? null : grade.toLowerCase(), score == null ? null : new BigDecimal(score), rank,
                List.of(problems).stream().map(p -> new GradedRun.ProblemOut(p, p + "!")).toList(),
                List.of(new GradedRun.Because("rule of " + id, Map.of("posts", 3))), null);
    }

    private static GradedRun run(String version, GradedRun.Result... results) {
        return new GradedRun("r1", new GradedRun.PackRef("meixian", version), null, List.of(results), List.of());
    }

    @Test
    void anUnchangedRunHasNoChanges() {
        GradedRun before = run("v1", result("a1", "new-media", "PASS", null, null));
        GradedRun after = run("v2", result("a1", "new-media", "PASS", null, null));
        assertEquals(List.of(), Diff.changes(before, after));
    }

    @Test
    void aChangedGradeIsListedBeforeAndAfter() {
        GradedRun before = run("v1", result("a1", "new-media", "PASS", null, null),
                result("a2", "new-media", "PASS", null, null));
        GradedRun after = run("v2", result("a1", "new-media", "POOR", null, null, "NO_ORIGINAL_7_DAYS"),
                result("a2", "new-media", "PASS", null, null));
        List<WhatIf.Change> changes = Diff.changes(before, after);
        assertEquals(1, changes.size());
        WhatIf.Change c = changes.get(0);
        assertEquals("a1", c.subject().id());
        assertEquals("PASS", c.before().grade());
        assertEquals("POOR", c.after().grade());
        assertEquals(List.of(new GradedRun.ProblemOut("NO_ORIGINAL_7_DAYS", "NO_ORIGINAL_7_DAYS!")),
                c.after().problems());
    }

    @Test
    void aRankOrAProblemAloneIsAChange() {
        GradedRun before = run("v1", result("u1", "disclosure", null, null, 1), result("a1", "new-media", "PASS", null, null));
        GradedRun after = run("v2", result("u1", "disclosure", null, null, 2),
                result("a1", "new-media", "PASS", null, null, "TOO_FEW_RECOMMENDED_REPOSTS"));
        assertEquals(List.of("u1", "a1"), Diff.changes(before, after).stream().map(c -> c.subject().id()).toList());
    }

    @Test
    void scoresAreComparedAsNumbersNotAsText() {
        GradedRun before = run("v1", result("u1", "submissions", null, "30.4", 1));
        GradedRun after = run("v2", result("u1", "submissions", null, "30.40", 1));
        assertEquals(List.of(), Diff.changes(before, after));
        GradedRun higher = run("v2", result("u1", "submissions", null, "30.6", 1));
        assertEquals(1, Diff.changes(before, higher).size());
    }

    @Test
    void theExplanationAloneIsNoChange() {
        GradedRun.Result a = result("a1", "new-media", "PASS", null, null);
        GradedRun.Result explainedOtherwise = new GradedRun.Result(a.subject(), a.channel(), a.grade(), a.label(),
                a.score(), a.rank(), a.problems(), List.of(), a.figures());
        assertEquals(List.of(), Diff.changes(run("v1", a), run("v2", explainedOtherwise)));
    }

    @Test
    void aSubjectOnOneSideOnlyHasNoOutcomeOnTheOther() {
        GradedRun before = run("v1", result("a1", "new-media", "PASS", null, null));
        GradedRun after = run("v2", result("a1", "new-media", "PASS", null, null),
                result("a1", "news", "EXCELLENT", null, null));
        List<WhatIf.Change> added = Diff.changes(before, after);
        assertEquals(1, added.size());
        assertEquals("news", added.get(0).channel());
        assertNull(added.get(0).before());
        List<WhatIf.Change> dropped = Diff.changes(after, before);
        assertNull(dropped.get(0).after());
    }

    @Test
    void gradeCountsFollowTheGradeOrderAndSkipUngradedResults() {
        GradedRun r = run("v1", result("a1", "new-media", "POOR", null, null),
                result("a2", "new-media", "EXCELLENT", null, null), result("a3", "new-media", "POOR", null, null),
                result("u1", "disclosure", null, null, 1));
        assertEquals(List.of("EXCELLENT", "POOR"), List.copyOf(Diff.gradeCounts(r).keySet()));
        assertEquals(Map.of("EXCELLENT", 1, "POOR", 2), Diff.gradeCounts(r));
    }

    @Test
    void aWhatIfNamesBothVersionsAndCountsBothSides() {
        GradedRun before = run("v1", result("a1", "new-media", "PASS", null, null));
        GradedRun after = run("v2", result("a1", "new-media", "POOR", null, null));
        WhatIf w = WhatIf.between("w1", before, after);
        assertEquals("v1", w.base().version());
        assertEquals("v2", w.against().version());
        assertEquals(Map.of("PASS", 1), w.grades().before());
        assertEquals(Map.of("POOR", 1), w.grades().after());
    }
}
