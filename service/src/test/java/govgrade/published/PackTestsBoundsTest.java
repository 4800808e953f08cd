package govgrade.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.TestRuleBases;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.packs.catalog.PackHome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A draft's pack tests run its rules before anyone published it: under the same bounds as a grading. */
class PackTestsBoundsTest {
    private static final Path FIXTURES = Path.of("fixtures");

    private static CompiledPack luoshanWith(String rules) throws Exception {
        return TestRuleBases.replacingRules(new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE).load("luoshan"), rules);
    }

    @Test
    void aCandidateThatFeedsItselfFailsItsTestsAtTheFiringLimit() throws Exception {
        CompiledPack loops = luoshanWith("""
                rule "seed" when $a : NewMediaAccount() then insert( Problem.of( drools, $a, "X" ) ); end
                rule "again" when $p : Problem() then insert( Problem.of( drools, $p.getSubject(), "X" ) ); end
                """);

        EvaluationFailed e = assertThrows(EvaluationFailed.class, () -> PackTests.run(loops, FIXTURES, Budgets.DEFAULTS));
        assertEquals(EvaluationFailed.Kind.FIRINGS, e.kind());
        assertEquals("again", e.rule());
    }

    @Test
    void aSlowCandidateFailsItsTestsAtTheGradingBudget() throws Exception {
        CompiledPack slow = luoshanWith("rule \"slow\" when NewMediaAccount() then Hostile.sleep( 60_000 ); end\n");
        Budgets budgets = Budgets.DEFAULTS.withTimes(Duration.ofMillis(300), Duration.ofSeconds(60));

        long start = System.nanoTime();
        EvaluationFailed e = assertThrows(EvaluationFailed.class, () -> PackTests.run(slow, FIXTURES, budgets));
        assertEquals(EvaluationFailed.Kind.TIMEOUT, e.kind());
        assertEquals("slow", e.rule());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3_000, "the tests were released at the budget");
    }
}
