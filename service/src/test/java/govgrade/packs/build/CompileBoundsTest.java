package govgrade.packs.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.facts.DeclaredFigures;
import govgrade.packs.Budgets;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.TestRuleBases;
import govgrade.rules.ReportWords;
import govgrade.rules.ScoringTables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A compile is bounded too: the Drools build by the compile budget, and the criteria collection
 * (the first time a pack's rules run, before anyone published it) by the budget and a firing limit.
 * Either refuses the pack with the reason, instead of holding a draft request or the pack lock.
 */
class CompileBoundsTest {

    private static List<PackError> collect(String rules, Budgets budgets) {
        CriteriaCollector.Collected c = CriteriaCollector.collect("hostile", "v-" + System.nanoTime(),
                TestRuleBases.of(rules),
                new SheetValues(List.of(), ReportWords.NONE, ScoringTables.NONE, DeclaredFigures.NONE), budgets);
        assertNull(c.criteria(), "no criteria from a collection that failed: " + c.errors());
        return c.errors();
    }

    @Test
    void aBuildLongerThanTheCompileBudgetRefusesThePackNamingTheFlag() {
        String drl = "package govgrade.packs.slow;\nrule \"r\" when then end\n";
        PackRejected e = assertThrows(PackRejected.class, () -> DroolsBuild.run("slow", "v-slow",
                Map.of("src/main/resources/govgrade/packs/slow/slow.drl", drl.getBytes(StandardCharsets.UTF_8)),
                Budgets.DEFAULTS.withTimes(Duration.ofSeconds(30), Duration.ofMillis(1))));

        String message = e.errors().get(0).message();
        assertTrue(message.contains("took longer than 1 ms compiling") && message.contains("--compile-timeout-s"),
                message);
    }

    @Test
    void criteriaRulesThatFeedThemselvesAreRefusedWithTheRuleNamed() {
        List<PackError> errors = collect("""
                rule "seed" ruleflow-group "criteria" when then insert( Criterion.number( drools, "1" ) ); end
                rule "more" ruleflow-group "criteria" when Criterion() then insert( Criterion.number( drools, "1" ) ); end
                """, Budgets.DEFAULTS);

        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).message();
        assertTrue(message.startsWith("reading the criteria tables failed: ") && message.contains("rule \"more\" fired")
                && message.contains("--max-firings-per-fact"), message);
    }

    @Test
    void aSlowCriteriaRuleIsRefusedAtTheCompileBudget() {
        List<PackError> errors = collect("""
                rule "slow row" ruleflow-group "criteria" when then Hostile.sleep( 60_000 ); end
                """, Budgets.DEFAULTS.withTimes(Duration.ofSeconds(30), Duration.ofMillis(300)));

        String message = errors.get(0).message();
        assertTrue(message.contains("took longer than 300 ms collecting its criteria; rule \"slow row\" was running"),
                message);
    }
}
