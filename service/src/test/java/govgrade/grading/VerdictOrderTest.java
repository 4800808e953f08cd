package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of several verdicts stands is the rules' decision (salience, order), never a table in Java. */
class VerdictOrderTest {
    @TempDir
    Path home;

    @Test
    void ofTwoVerdictsTheOneTheRulesFireFirstStandsThoughTheOtherIsMoreSevere() throws Exception {
        PackCopy.copy("shangqiu", home);
        Files.writeString(home.resolve("rules-drl/shangqiu/shangqiu.drl"), """

                rule "test: good first"
                salience 300
                when
                    $a : NewMediaAccount()
                then
                    insert( Verdict.of( drools, $a, "GOOD" ) );
                end

                rule "test: poor second"
                salience 200
                when
                    $a : NewMediaAccount()
                then
                    insert( Verdict.of( drools, $a, "POOR" ) );
                end
                """, StandardOpenOption.APPEND);
        GradedRun run = Fixtures.grade(Fixtures.batch("shangqiu"), home);
        assertTrue(run.results().size() > 0);
        for (GradedRun.Result r : run.results()) {
            assertEquals("GOOD", r.grade(), r.subject().id() + " " + r.because());
            assertTrue(r.because().stream().anyMatch(b -> b.rule().equals("test: poor second")),
                    "the second verdict is still explained");
        }
    }
}
