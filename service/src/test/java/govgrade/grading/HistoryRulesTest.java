package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.packs.CompiledPack;
import govgrade.packs.TestRuleBases;
import govgrade.packs.catalog.PackHome;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules reading a subject's earlier periods: back(n), zeroRun, problemRun, what an unknown period
 * does to each, and what the result says was read; wording filled from what the rule recorded.
 */
class HistoryRulesTest {
    private static final String RULES = """
            rule "history read"
            when
                $x : UnitActivity( channelCode == "news" )
            then
                EarlierPeriod one = $x.getHistory().back( 1 );
                EarlierPeriod two = $x.getHistory().back( 2 );
                insert( Problem.of( drools, $x, "NO_NEWS_RUNNING" )
                        .with( "months", $x.getHistory().problemRun( "NO_NEWS" ) )
                        .with( "zeros", $x.getHistory().zeroRun( "posts" ) )
                        .with( "oneGrade", one == null ? null : one.getGrade() )
                        .with( "oneFailed", one != null && one.isFailed() )
                        .with( "twoPosts", two == null ? null : two.figure( "posts" ) )
                        .with( "twoRun", two == null ? null : two.getRun() )
                        .with( "known", $x.getHistory().getKnown() ) );
            end
            """;

    /** u1: August FAIL with NO_NEWS and 0 posts, July NO_NEWS and 5 posts, June NO_NEWS; May not carried. u2: in no period. */
    private static final String BATCH = """
            { "pack": "wuding", "period": { "from": "2024-09-01", "to": "2024-09-30" },
              "units": [ { "id": "u1", "name": "县水务局", "group": "department" },
                         { "id": "u2", "name": "县税务局", "group": "department" } ],
              "activity": [ { "unit": "u1", "channel": "news", "posts": 0 },
                            { "unit": "u2", "channel": "news", "posts": 0 } ],
              "earlier": [
                { "period": { "from": "2024-07-01", "to": "2024-07-31" },
                  "results": [ { "type": "unit", "id": "u1", "channel": "news", "problems": ["NO_NEWS"],
                                 "figures": { "posts": 5 } } ] },
                { "period": { "from": "2024-08-01", "to": "2024-08-31" },
                  "results": [ { "type": "unit", "id": "u1", "channel": "news", "grade": "FAIL",
                                 "problems": ["NO_NEWS"], "figures": { "posts": 0 } } ] },
                { "period": { "from": "2024-06-01", "to": "2024-06-30" },
                  "results": [ { "type": "unit", "id": "u1", "channel": "news", "problems": ["NO_NEWS"] } ] },
                { "period": { "from": "2024-04-01", "to": "2024-04-30" },
                  "results": [ { "type": "unit", "id": "u1", "channel": "news", "problems": ["NO_NEWS"] } ] }
              ] }
            """;

    private static CompiledPack pack;

    @BeforeAll
    static void load() throws Exception {
        CompiledPack wuding = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE).load("wuding");
        pack = TestRuleBases.replacingRules(wuding, RULES);
    }

    private static GradedRun grade(String json) throws Exception {
        Batch b = BatchReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null);
        return Grading.grade(b, pack, "test");
    }

    private static GradedRun.Result unit(GradedRun run, String id) {
        return run.results().stream().filter(r -> r.subject().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void backZeroRunAndProblemRunReadThePeriodsInOrderAndStopWhereOneIsUnknown() throws Exception {
        GradedRun.Result u1 = unit(grade(BATCH), "u1");
        Map<String, Object> facts = u1.because().get(0).facts();
        assertEquals(3, facts.get("months"), "NO_NEWS in August, July and June; May is not carried: " + facts);
        assertEquals(1, facts.get("zeros"), "0 in August, 5 in July");
        assertEquals("FAIL", facts.get("oneGrade"));
        assertEquals(true, facts.get("oneFailed"));
        assertEquals(0, new BigDecimal(5).compareTo((BigDecimal) facts.get("twoPosts")));
        assertNull(facts.get("twoRun"), "carried by the batch: no run");
        assertEquals(3, facts.get("known"));
        assertEquals("连续3个月动态信息发布量为零".replace("3", "三"), u1.problems().get(0).label());
    }

    @Test
    void theResultNamesEachPeriodReadAndTheMissingOneThatStoppedTheRun() throws Exception {
        List<GradedRun.EarlierRead> read = unit(grade(BATCH), "u1").earlier();
        assertEquals(4, read.size(), read.toString());
        assertEquals(new GradedRun.EarlierRead(1, java.time.LocalDate.of(2024, 8, 1),
                java.time.LocalDate.of(2024, 8, 31), "batch", null, null), read.get(0));
        GradedRun.EarlierRead may = read.get(3);
        assertEquals(4, may.back());
        assertEquals(java.time.LocalDate.of(2024, 5, 31), may.to());
        assertNull(may.source());
        assertTrue(may.missing().contains("no period ending 2024-05-31"), may.missing());
    }

    @Test
    void aSubjectWithoutAResultInThePeriodIsUnknownThereNotZero() throws Exception {
        GradedRun.Result u2 = unit(grade(BATCH), "u2");
        Map<String, Object> facts = u2.because().get(0).facts();
        assertEquals(0, facts.get("months"));
        assertEquals(0, facts.get("zeros"));
        assertNull(facts.get("oneGrade"));
        assertEquals(0, facts.get("known"));
        assertEquals(1, u2.earlier().size(), u2.earlier().toString());
        assertTrue(u2.earlier().get(0).missing().contains("no result in that period"), u2.earlier().toString());
        // The count the rule recorded fills the wording, in Chinese numerals.
        assertEquals("连续零个月动态信息发布量为零", u2.problems().get(0).label());
    }

    @Test
    void aBatchWithoutEarlierPeriodsGradesAsBeforeAndItsResultsSayNothingOfThem() throws Exception {
        GradedRun run = Grading.grade(BatchReader.read(java.nio.file.Files.newInputStream(
                java.nio.file.Path.of("fixtures/shangnan/shangnan.json")), null),
                new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE).load("shangnan"), "test");
        assertTrue(run.results().stream().allMatch(r -> r.earlier() == null));
        assertTrue(!new String(ResultJson.write(run), StandardCharsets.UTF_8).contains("\"earlier\""));
    }
}
