package govgrade.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import govgrade.grading.GradedRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run against what a circular published: figures counted, differences listed with their rule. */
class ReconcilerTest {

    private static GradedRun.Result result(String id, String name, String channel, String grade, String label,
                                           Integer rank, String score, String... problemLabels) {
        return new GradedRun.Result(new GradedRun.SubjectRef("account", id, name, null, "梁园区", null), channel, grade,
                label, score == null ? null : new BigDecimal(score), rank,
                List.of(problemLabels).stream().map(l -> new GradedRun.ProblemOut("P", l)).toList(),
                List.of(new GradedRun.Because("新媒体：内容2周内无更新", Map.of("daysSinceLastUpdate", 23))), null);
    }

    private static final GradedRun RUN = new GradedRun("r1", new GradedRun.PackRef("shangqiu", "v1"), null, List.of(
            result("a1", "梁园市场监管", "new-media", "FAIL", "不合格", null, null, "内容2周内无更新"),
            result("a2", "梁园发布", "new-media", "PASS", "合格", null, null),
            result("u1", "过风楼镇", "submissions", null, null, 1, "30.4")),
            List.of(new GradedRun.Summary("梁园区", "new-media", 2, 1, new BigDecimal("50.0"),
                    Map.of("PASS", 1, "FAIL", 1))));

    private static PublishedFigures published(String json) throws IOException {
        return PublishedFigures.readJson(new ByteArrayInputStream(json.replace('\'', '"')
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyFigureReproducedGivesNoDifference() throws Exception {
        Reconciler.Report r = Reconciler.compare(RUN, published("{'results': ["
                + "{'id': 'a1', 'channel': 'new-media', 'grade': 'FAIL', 'label': '不合格', 'problems': ['内容2周内无更新。']},"
                + "{'id': 'u1', 'channel': 'submissions', 'rank': 1, 'score': 30.40}],"
                + " 'summaries': [{'region': '梁园区', 'channel': 'new-media', 'checked': 2, 'failed': 1, 'passRate': 50}]}"));
        assertEquals("shangqiu", r.pack());
        assertEquals(7, r.figures(), "grade, problems, rank, score and three summary figures");
        assertEquals(7, r.reproduced());
        assertEquals(List.of(), r.differences());
    }

    @Test
    void aDifferentGradeIsListedWithTheRuleAndFactsThatDecidedIt() throws Exception {
        Reconciler.Report r = Reconciler.compare(RUN, published("{'results': ["
                + "{'id': 'a1', 'name': '梁园市场监管', 'channel': 'new-media', 'grade': 'PASS'}]}"));
        assertEquals(1, r.figures());
        assertEquals(0, r.reproduced());
        Reconciler.Difference d = r.differences().get(0);
        assertEquals("grade", d.figure());
        assertEquals("PASS", d.published());
        assertEquals("FAIL", d.graded());
        assertEquals("新媒体：内容2周内无更新", d.because().get(0).rule());
    }

    @Test
    void aRowTheCircularMarksKnownIsSetApartFromTheSurprises() throws Exception {
        Reconciler.Report r = Reconciler.compare(RUN, published("{'results': ["
                + "{'id': 'a2', 'channel': 'new-media', 'grade': 'FAIL', 'known': 'graded by hand'},"
                + "{'id': 'u1', 'channel': 'submissions', 'rank': 2}]}"));
        assertEquals(List.of("rank"), r.differences().stream().map(Reconciler.Difference::figure).toList());
        assertEquals(1, r.knownDifferences().size());
        assertEquals("graded by hand", r.knownDifferences().get(0).known());
    }

    @Test
    void aNameOnlyRowFindsTheSubjectOfThatName() throws Exception {
        Reconciler.Report r = Reconciler.compare(RUN, published("{'results': [{'name': '梁园发布', 'label': '合格'}]}"));
        assertEquals(1, r.reproduced());
    }

    @Test
    void aSubjectMissingFromTheRunIsADifferenceSayingSo() throws Exception {
        Reconciler.Report r = Reconciler.compare(RUN, published("{'results': [{'id': 'a9', 'channel': 'new-media',"
                + " 'grade': 'PASS'}]}"));
        assertEquals("no such subject in the run", r.differences().get(0).graded());
        assertNull(r.differences().get(0).because());
    }

    @Test
    void problemWordingIsComparedAsACircularPrintsIt() {
        assertEquals(Reconciler.norm("内容2周内无更新"), Reconciler.norm(" 内容２周内无更新。"));
    }

    @Test
    void aWrongSummaryFigureIsNamed() throws Exception {
        Reconciler.Report r = Reconciler.compare(RUN, published("{'results': [], 'summaries': [{'region': '梁园区',"
                + " 'channel': 'new-media', 'checked': 2, 'failed': 0, 'passRate': 100.0}]}"));
        assertEquals(List.of("failed", "passRate"), r.differences().stream().map(Reconciler.Difference::figure).toList());
        assertEquals(1, r.reproduced());
    }

    @Test
    void aFileWithoutResultsIsRefusedSayingWhatWasExpected() {
        IOException e = assertThrows(IOException.class, () -> published("{'rows': []}"));
        assertEquals(true, e.getMessage().contains("expected an object with results"), e.getMessage());
    }
}
