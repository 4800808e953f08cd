package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.Hostile;
import govgrade.packs.TestRuleBases;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.packs.catalog.PackHome;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A grading is bounded: rules that feed themselves, sleep, never return, exhaust the heap or throw
 * end in an {@link EvaluationFailed} naming the rule, never in a partial result or a held caller.
 * The hostile rules are test-made rule bases over the luoshan pack's criteria and fixture.
 */
class RuleBoundsTest {
    /** Each account's problem makes another problem: a rule that re-fires itself without end. */
    static final String FEEDS_ITSELF = """
            rule "seed" when $a : NewMediaAccount() then insert( Problem.of( drools, $a, "NO_UPDATE_2_WEEKS" ) ); end
            rule "again" when $p : Problem( code == "NO_UPDATE_2_WEEKS" )
            then insert( Problem.of( drools, $p.getSubject(), "NO_UPDATE_2_WEEKS" ) ); end
            """;
    static final Duration SHORT = Duration.ofMillis(400);

    static CompiledPack luoshan;
    static Batch batch;

    @BeforeAll
    static void load() throws Exception {
        luoshan = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE).load("luoshan");
        try (InputStream in = Files.newInputStream(Fixtures.batch("luoshan"))) {
            batch = BatchReader.read(in, null);
        }
    }

    @AfterAll
    static void releaseHungRules() {
        Hostile.release();
    }

    static EvaluationFailed failure(CompiledPack pack, Budgets budgets) {
        return assertThrows(EvaluationFailed.class, () -> Grading.grade(batch, pack, "bounds", budgets));
    }

    static Budgets shortTime(int stuck) {
        return Budgets.DEFAULTS.withTimes(SHORT, SHORT).withStuckPerVersion(stuck);
    }

    @Nested
    class Firings {
        @Test
        void aRuleThatFeedsItselfStopsAtTheLimitWithTheRuleNamed() {
            EvaluationFailed e = failure(TestRuleBases.replacingRules(luoshan, FEEDS_ITSELF), Budgets.DEFAULTS);

            assertEquals(EvaluationFailed.Kind.FIRINGS, e.kind());
            assertEquals("again", e.rule());
            assertEquals("--max-firings-per-fact", e.flag());
            // 77 facts (the fixture's subjects and the criteria): 10,000 + 20 per fact.
            assertEquals("11,540 firings", e.limit());
            assertTrue(e.getMessage().contains("rule \"again\" fired") && e.getMessage().contains("11,540")
                    && e.getMessage().contains("serve --max-firings-per-fact"), e.getMessage());
        }

        @Test
        void theLimitIsTheFloorPlusSoManyPerFact() {
            EvaluationFailed e = failure(TestRuleBases.replacingRules(luoshan, FEEDS_ITSELF),
                    Budgets.DEFAULTS.withFirings(100, 1));

            assertEquals("7,701 firings", e.limit());
            assertTrue(e.getMessage().contains("77 facts (1 + 100 per fact"), e.getMessage());
        }

        @Test
        void everyBundledPackGradesItsCircularWithTwoFiringsPerFact() throws Exception {
            Budgets twoPerFact = Budgets.DEFAULTS.withFirings(2, 1);
            PackHome bundled = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE);
            for (String pack : Fixtures.PACKS) {
                Batch b;
                try (InputStream in = Files.newInputStream(Fixtures.batch(pack))) {
                    b = BatchReader.read(in, null);
                }
                assertFalse(Grading.grade(b, bundled.load(pack), "bounds", twoPerFact).results().isEmpty(), pack);
            }
        }
    }

    @Nested
    class Time {
        @Test
        void aSlowConsequenceIsStoppedAtTheBudgetWithTheRuleNamed() {
            CompiledPack slow = TestRuleBases.replacingRules(luoshan,
                    "rule \"slow\" when NewMediaAccount() then Hostile.sleep( 60_000 ); end\n");
            long start = System.nanoTime();
            EvaluationFailed e = failure(slow, shortTime(1));
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertEquals(EvaluationFailed.Kind.TIMEOUT, e.kind());
            assertEquals("slow", e.rule());
            assertEquals("400 ms", e.limit());
            assertTrue(e.getMessage().contains("took longer than 400 ms grading; rule \"slow\" was running")
                    && e.getMessage().contains("--grading-timeout-s"), e.getMessage());
            assertTrue(ms >= 400 && ms < 3_000, "released after " + ms + " ms");
            // The interruption ended that worker: the version is not counted as stuck and runs again.
            assertEquals(EvaluationFailed.Kind.TIMEOUT, failure(slow, shortTime(1)).kind());
        }

        @Test
        void aRuleThatNeverReturnsIsAbandonedAndItsVersionRefusedPastTheCap() throws Exception {
            CompiledPack hung = TestRuleBases.replacingRules(luoshan,
                    "rule \"hangs\" when NewMediaAccount() then Hostile.hang(); end\n");

            EvaluationFailed first = failure(hung, shortTime(1));
            assertEquals(EvaluationFailed.Kind.TIMEOUT, first.kind());
            assertEquals("hangs", first.rule());

            long start = System.nanoTime();
            EvaluationFailed refused = failure(hung, shortTime(1));
            assertEquals(EvaluationFailed.Kind.STUCK, refused.kind());
            assertTrue((System.nanoTime() - start) / 1_000_000 < SHORT.toMillis(), "refused without running");
            assertTrue(refused.getMessage().contains("--max-stuck-workers"), refused.getMessage());
            assertFalse(Grading.grade(batch, luoshan, "bounds", shortTime(1)).results().isEmpty(),
                    "another version still grades");
        }
    }

    @Nested
    class Errors {
        @Test
        void runningOutOfMemoryInARuleIsAnErrorAndTheNextGradingWorks() {
            EvaluationFailed e = failure(TestRuleBases.replacingRules(luoshan,
                    "rule \"hoards\" when NewMediaAccount() then Hostile.exhaustHeap(); end\n"), Budgets.DEFAULTS);

            assertEquals(EvaluationFailed.Kind.MEMORY, e.kind());
            assertEquals("hoards", e.rule());
            assertTrue(e.getMessage().contains("ran out of memory grading; the session was dropped"), e.getMessage());
            assertFalse(Grading.grade(batch, luoshan, "bounds").results().isEmpty());
        }

        @Test
        void aRuleThatThrowsFailsTheGradingWithItsNameAndReason() {
            EvaluationFailed e = failure(TestRuleBases.replacingRules(luoshan,
                    "rule \"reads 5.5\" when NewMediaAccount() then Hostile.fail(); end\n"), Budgets.DEFAULTS);

            assertEquals(EvaluationFailed.Kind.FAILED, e.kind());
            assertEquals("reads 5.5", e.rule());
            assertTrue(e.getMessage().endsWith("failed grading: parameter staleDays is 5.5 but a rule needs a whole"
                    + " number"), e.getMessage());
        }

        @Test
        void aConditionThatThrowsFailsTheGradingWithItsRuleNamed() {
            EvaluationFailed e = failure(TestRuleBases.replacingRules(luoshan,
                    "rule \"compares 5.5\" when NewMediaAccount( daysSinceLastUpdate > Hostile.failingValue() )"
                            + " then end\n"), Budgets.DEFAULTS);

            assertEquals(EvaluationFailed.Kind.FAILED, e.kind());
            assertTrue(e.getMessage().contains("parameter staleDays is 5.5"), e.getMessage());
            assertEquals("compares 5.5", e.rule(), e.getMessage());
        }
    }
}
