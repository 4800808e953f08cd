package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Every command exits by one scheme (0 ok, 1 a pack or figure failed, 2 bad input, 3 internal), one line per error. */
class ExitCodesTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    private void assertOneLine(String expected) {
        assertEquals(List.of(expected), errLines(), err.toString());
    }

    @Nested
    class BadInput {
        @Test
        void aMissingFileIsNamedOnOneLineWithExitTwoForEveryCommandThatReadsOne() {
            assertEquals(2, run("grade", "nonexistent.json"));
            assertOneLine("govgrade grade: cannot read FILE.json nonexistent.json: no such file");
            err.getBuffer().setLength(0);
            assertEquals(2, run("report", "nonexistent.json"));
            assertOneLine("govgrade report: cannot read RUN_OR_FILE nonexistent.json: no such file");
            err.getBuffer().setLength(0);
            assertEquals(2, run("reconcile", Fixtures.batch("meixian").toString(), "nowhere.expected.json"));
            assertOneLine("govgrade reconcile: cannot read PUBLISHED nowhere.expected.json: no such file");
            assertEquals("", out.toString());
        }

        @Test
        void aFolderGivenAsAFileIsNamedOnOneLineWithExitTwo() {
            assertEquals(2, run("grade", "fixtures"));
            assertOneLine("govgrade grade: cannot read FILE.json fixtures: a folder, not a file");
        }

        @Test
        void anEarlierResultThatIsAFolderIsNamedAsSuch() {
            assertEquals(2, run("grade", Fixtures.batch("meixian").toString(), "--earlier", "fixtures"));
            assertOneLine("--earlier fixtures: a folder, not a file");
        }

        @Test
        void aMistypedOptionIsOneLinePointingAtHelpNotTheWholeUsage() {
            assertEquals(2, run("grade", "--bogus", "x.json"));
            assertEquals(1, errLines().size(), err.toString());
            assertTrue(err.toString().startsWith("govgrade grade: Unknown option: '--bogus'")
                    && err.toString().contains("govgrade grade --help lists the options"), err.toString());
        }

        @Test
        void aFilePublishedAsSomethingOtherThanJsonIsBadInputNotAnInternalError(@TempDir Path dir) throws Exception {
            Path junk = Files.writeString(dir.resolve("published.json"), "vm-1\n", StandardCharsets.UTF_8);
            assertEquals(2, run("reconcile", Fixtures.batch("meixian").toString(), junk.toString()));
            assertEquals(1, errLines().size(), err.toString());
            // The published figures are read strictly (published.FiguresReader): the mistake at its file and JSON path.
            assertTrue(err.toString().startsWith(junk + ": $: found malformed JSON"), err.toString());
        }

        @Test
        void aResultFileWithNullListsIsBadInputNotAnInternalError(@TempDir Path dir) throws Exception {
            Path result = Files.writeString(dir.resolve("r.json"), "{\"results\":null,\"summaries\":null}");
            assertEquals(2, run("report", result.toString()));
            assertTrue(err.toString().contains("a graded result needs a \"results\" and a \"summaries\" list"),
                    err.toString());
            assertFalse(Files.exists(dir.resolve("r.xlsx")));
        }
    }

    @Nested
    class HomeWithoutPacks {
        @Test
        void eachCommandNeedingPacksSaysWhereItLookedWithExitTwo(@TempDir Path home) throws Exception {
            Files.createDirectories(home.resolve("rules-drl"));
            String where = home.toAbsolutePath().normalize().toString();
            String line = "no packs in " + where + ": looked for a folder per pack in rules-drl/ (empty) and "
                    + "decision-tables/ (no such folder) there (--home names the folder holding both; default: the "
                    + "working folder)";
            for (String command : List.of("validate", "test")) {
                err.getBuffer().setLength(0);
                assertEquals(2, run(command, "--home", home.toString()), command);
                assertOneLine("govgrade " + command + ": " + line);
            }
            err.getBuffer().setLength(0);
            assertEquals(2, run("grade", "--home", home.toString(), Fixtures.batch("meixian").toString()));
            assertOneLine("govgrade grade: " + line);
            assertEquals("", out.toString());
        }

        @Test
        void aHomeThatIsNoFolderIsNamed(@TempDir Path dir) {
            Path missing = dir.resolve("missing");
            assertEquals(2, run("validate", "--home", missing.toString()));
            assertOneLine("govgrade validate: --home " + missing.toAbsolutePath().normalize() + ": no such folder");
        }

        @Test
        void aHomeWhoseOnlyPackFolderIsMisnamedNamesTheFolderAndTheRuleAndFails(@TempDir Path dir) throws Exception {
            Path home = PackCopy.copy("shangqiu", dir.resolve("home"));
            Files.move(home.resolve("rules-drl/shangqiu"), home.resolve("rules-drl/ShangQiu"));
            Files.move(home.resolve("decision-tables/shangqiu"), home.resolve("decision-tables/ShangQiu"));
            assertEquals(1, run("validate", "--home", home.toString()));
            assertTrue(out.toString().contains("not a pack: rules-drl/ShangQiu: the folder's name is not a pack id")
                    && out.toString().contains("e.g. to shangqiu"), out.toString());
            assertFalse(out.toString().contains("no packs in"), out.toString());
        }
    }

    @Nested
    class PackOrFigureFailed {
        @Test
        void anUnknownPackIsOne(@TempDir Path dir) throws Exception {
            Path batch = dir.resolve("b.json");
            Files.writeString(batch, Files.readString(Fixtures.batch("shangnan")).replace("\"shangnan\"", "\"nowhere\""));
            assertEquals(1, run("grade", batch.toString()));
            assertOneLine(errLines().get(0));
            assertTrue(err.toString().contains("unknown pack \"nowhere\""), err.toString());
        }

        @Test
        void testThatTestedNothingIsOneAndItsHelpSaysWhy(@TempDir Path home) throws Exception {
            PackCopy.copy("shangqiu", home);
            assertEquals(1, run("test", "shangqiu", "--home", home.toString()));
            assertTrue(out.toString().contains("nothing tested"), out.toString());
            out.getBuffer().setLength(0);
            assertEquals(0, run("test", "--help"));
            String help = out.toString().replaceAll("\\s+", " ");
            assertTrue(help.contains("also when nothing was tested")
                    && help.contains("a pack no published figure vouches for has not passed"), help);
        }

        @Test
        void testOfAFixturesFolderThatIsNotThereIsBadInput(@TempDir Path dir) {
            Path missing = dir.resolve("none");
            assertEquals(2, run("test", "meixian", "--fixtures", missing.toString()));
            assertOneLine("govgrade test: --fixtures " + missing + ": no such folder");
        }
    }

    @Nested
    class Help {
        @Test
        void everyCommandListsTheSameBadInputAndInternalCodes() {
            for (String command : List.of("grade", "validate", "test", "reconcile", "report", "serve", "new-pack")) {
                out.getBuffer().setLength(0);
                assertEquals(0, run(command, "--help"), command);
                String help = out.toString().replaceAll("\\s+", " ");
                assertTrue(help.contains("Exit codes: 0 "), command + ": " + help);
                assertTrue(help.contains(" 2 ") && help.contains(" 3 internal error (one line on standard error; "
                        + "--verbose adds the stack trace)"), command + ": " + help);
            }
        }
    }

    @Nested
    class Internal {
        @Command(name = "boom")
        static final class Boom implements Callable<Integer> {
            @Option(names = "--verbose")
            boolean verbose;

            @Override
            public Integer call() {
                throw new IllegalStateException("a bug");
            }
        }

        private int boom(String... args) {
            ErrorLines lines = new ErrorLines();
            CommandLine cl = new CommandLine(new Boom()).setExecutionExceptionHandler(lines)
                    .setParameterExceptionHandler(lines);
            cl.setErr(new PrintWriter(err, true));
            return cl.execute(args);
        }

        @Test
        void aBugIsThreeOnOneLineWithoutTheStackTrace() {
            assertEquals(3, boom());
            assertOneLine("boom: internal error: java.lang.IllegalStateException: a bug (--verbose prints the stack trace)");
        }

        @Test
        void verbosePrintsTheStackTraceAfterTheLine() {
            assertEquals(3, boom("--verbose"));
            assertEquals("boom: internal error: java.lang.IllegalStateException: a bug", errLines().get(0));
            assertTrue(err.toString().contains("\tat govgrade.cli.ExitCodesTest$Internal$Boom.call"), err.toString());
        }
    }

    /** The JVM's own exit code, as a script sees it: main must not leave it to picocli's defaults. */
    @Test
    void theJvmExitsTwoWithOneLineAndNoStackTraceForAMissingFile() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "grade", "--verbose", "nonexistent.json"));
        Process p = new ProcessBuilder(cmd).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "grade did not end");
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), stderr);
        assertEquals(List.of("govgrade grade: cannot read FILE.json nonexistent.json: no such file"),
                stderr.lines().toList());
        assertEquals(0, p.getInputStream().readAllBytes().length);
    }
}
