package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.Budgets;
import govgrade.packs.PackCopy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bounds of rule evaluation on the command line: serve's options, and grade's answer when a bound is hit. */
class ServeBudgetsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void serveSetsEachBoundFromItsOption(@TempDir Path dir) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--db", dir.resolve("g.db").toString(), "--max-firings-per-fact", "5",
                "--min-firings", "100", "--grading-timeout-s", "7", "--compile-timeout-s", "9", "--max-stuck-workers", "3");

        assertEquals(new Budgets(5, 100, Duration.ofSeconds(7), Duration.ofSeconds(9), 3), serve.settings(null).budgets());
    }

    @Test
    void serveWithoutOptionsUsesTheDefaults(@TempDir Path dir) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--db", dir.resolve("g.db").toString());

        assertEquals(Budgets.DEFAULTS, serve.settings(null).budgets());
    }

    @Test
    void serveNamesABoundOutOfRangeBeforeAnythingStarts(@TempDir Path dir) {
        assertEquals(2, run("serve", "--grading-timeout-s", "0", "--db", dir.resolve("g.db").toString()));
        assertTrue(err.toString().contains("must be more than zero and at most a day (--grading-timeout-s)"),
                err.toString());
    }

    @Test
    void gradeExitsOneWithTheMessageWhenARuleFeedsItself(@TempDir Path dir) throws Exception {
        Path home = PackCopy.copy("luoshan", dir.resolve("home"));
        Files.writeString(home.resolve("rules-drl/luoshan/luoshan.drl"), """

                rule "再报一次"
                when
                    $p : Problem( code == "NO_UPDATE_2_WEEKS" )
                then
                    insert( Problem.of( drools, $p.getSubject(), "NO_UPDATE_2_WEEKS" ) );
                end
                """, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path batch = Files.writeString(dir.resolve("stale.json"), "{\"pack\":\"luoshan\",\"period\":{\"from\":"
                + "\"2019-01-01\",\"to\":\"2019-06-30\"},\"accounts\":[{\"id\":\"a\",\"name\":\"x\","
                + "\"platform\":\"wechat\",\"lastUpdate\":\"2019-01-02\"}]}");

        assertEquals(1, run("grade", "--home", home.toString(), batch.toString()));
        assertTrue(err.toString().contains("rule \"再报一次\" fired") && err.toString().contains("--max-firings-per-fact"),
                err.toString());
        assertEquals("", out.toString());
    }
}
