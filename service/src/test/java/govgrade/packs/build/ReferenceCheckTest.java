package govgrade.packs.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.catalog.PackHome;
import govgrade.rules.Criteria;
import govgrade.rules.Criterion;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceCheckTest {
    private static final String FILE = "rules-drl/test/test.drl";

    private static Criteria criteria(Criterion... rows) {
        return Criteria.of(List.of(rows), List.of());
    }

    @Test
    void shangqiusRulesNeedStaleDaysOnTheConditionLineAndTheConsequenceLine() throws Exception {
        String drl = Files.readString(Fixtures.HOME.resolve("rules-drl/shangqiu/shangqiu.drl"));
        List<String> lines = drl.lines().toList();
        Criteria withoutStaleDays = criteria(new Criterion(Criterion.Kind.PROBLEM_LABEL, "NO_UPDATE_2_WEEKS", "2周无更新"));

        List<PackError> errors = ReferenceCheck.check("rules-drl/shangqiu/shangqiu.drl", drl, withoutStaleDays);

        assertEquals(2, errors.size(), errors.toString());
        for (PackError e : errors) {
            assertEquals("rules-drl/shangqiu/shangqiu.drl", e.file());
            assertTrue(lines.get(e.line() - 1).contains("$c.integer( \"staleDays\" )"), e.describe());
            assertEquals("uses parameter staleDays, which no row of the pack's decision tables sets", e.message());
        }
        assertTrue(lines.get(errors.get(0).line() - 1).contains("NewMediaAccount("), "the condition comes first");
    }

    @Test
    void theBundledPacksNameOnlyWhatTheirTablesDefine() throws Exception {
        for (String pack : Fixtures.PACKS) {
            CompiledPack compiled = Fixtures.PACKS_CACHE.compile(new PackHome(Fixtures.HOME).read(pack));
            String file = "rules-drl/" + pack + "/" + pack + ".drl";
            assertEquals(List.of(), ReferenceCheck.check(file, Files.readString(Fixtures.HOME.resolve(file)),
                    compiled.criteria(), compiled.figures()), pack);
        }
    }

    @Test
    void aMistypedChannelCodeIsRefusedAtItsLine() {
        String drl = """
                package govgrade.packs.test;
                import govgrade.derive.*;
                rule "r"
                when
                    $u : UnitFact()
                    $x : UnitActivity( channelCode == "submisions" )
                    not UnitActivity( id == $u.id, channelCode == "submissions" )
                then
                    insert( UnitActivity.notListed( $u, "快讯" ) );
                end
                """;
        List<String> errors = ReferenceCheck.check(FILE, drl, criteria()).stream()
                .map(e -> e.line() + " " + e.message()).toList();
        assertEquals(List.of(
                "6 names channel \"submisions\", which is no channel code (new-media, columns, news, disclosure, "
                        + "submissions, adoption): the condition would never hold",
                "9 names channel \"快讯\", which is no channel code (new-media, columns, news, disclosure, "
                        + "submissions, adoption): the condition would never hold"), errors);
    }

    @Test
    void commentsAndRuleNamesAreNotUses() {
        String drl = """
                package govgrade.packs.test;
                import govgrade.rules.Criteria;
                // $c.integer( "inAComment" )
                rule "uses $c.integer( \\"inAName\\" )"
                when
                    $c : Criteria( /* integer( "inABlockComment" ) */ )
                then
                    // insert( Problem.of( drools, $c, "COMMENTED_OUT" ) );
                    System.out.println( "nothing" );
                end
                """;
        assertEquals(List.of(), ReferenceCheck.check(FILE, drl, criteria()));
    }

    @Test
    void usesInFunctionsEvalFromAndConsequencesAreFoundAtTheirLines() {
        String drl = """
                package govgrade.packs.test;
                import govgrade.rules.Criteria;
                import govgrade.rules.Problem;
                function int limit( Criteria c ) {
                    return c.integer( "fromAFunction" );
                }
                rule "r"
                when
                    $c : Criteria()
                    eval( $c.decimal( "inAnEval" ) != null )
                    $n : Integer() from $c.integer( "inAFrom" )
                then
                    System.out.println( $c.setting( "aSetting" ) );
                    insert( Problem.of( drools, $c,
                            "UNWORDED" ) );
                end
                """;
        List<PackError> errors = ReferenceCheck.check(FILE, drl, criteria());
        assertEquals(List.of(
                "5 uses parameter fromAFunction, which no row of the pack's decision tables sets",
                "10 uses parameter inAnEval, which no row of the pack's decision tables sets",
                "11 uses parameter inAFrom, which no row of the pack's decision tables sets",
                "13 uses setting aSetting, which no row of the pack's decision tables sets",
                "14 reports problem UNWORDED, which has no wording in the pack's problem table"),
                errors.stream().map(e -> e.line() + " " + e.message()).toList());
    }

    @Test
    void aFileDroolsCannotParseIsLeftToTheBuildsMessages() {
        assertEquals(List.of(), ReferenceCheck.check(FILE, "rule \"r\" whne $c.integer( \"x\" ) then end", criteria()));
    }
}
