package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import govgrade.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress of grade, report and test on standard error: there only when asked (or on a
 * terminal), and standard output the same byte for byte either way.
 */
class ProgressTest {

    /** What one command line printed. */
    private record Ran(int code, String out, String err) {
    }

    private static Ran run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Ran(code, out.toString(), err.toString());
    }

    @Test
    void gradeWithProgressPrintsTheSameResultAndItsStepsOnStandardError() {
        assumeFalse(Progress.stderrIsTerminal(), "on a terminal progress shows unasked");
        String batch = Fixtures.batch("shangqiu").toString();
        Ran quiet = run("grade", batch);
        Ran shown = run("grade", "--progress", batch);
        assertEquals(0, shown.code());
        assertEquals(quiet.out(), shown.out(), "standard output byte for byte");
        assertEquals("", quiet.err(), "no progress unless asked where standard error is no terminal");
        for (String step : List.of("grade: reading shangqiu.json ...", "grade: reading shangqiu.json: done in ",
                "grade: compiling pack shangqiu: done in ", "grade: grading 20 accounts and 0 units: done in ",
                "grade: writing the result: done in ")) {
            assertTrue(shown.err().contains(step), step + " in:\n" + shown.err());
        }
        assertEquals("", run("grade", "--no-progress", batch).err());
    }

    @Test
    void reportWithProgressSaysItLaysOutAndWritesAndPrintsOnlyThePath(@TempDir Path dir) throws Exception {
        Path batch = Files.copy(Fixtures.batch("meixian"), dir.resolve("meixian.json"));
        Ran shown = run("report", "--progress", batch.toString());
        assertEquals(0, shown.code(), shown.err());
        assertEquals(dir.resolve("meixian.xlsx") + System.lineSeparator(), shown.out());
        for (String step : List.of("report: scanning meixian.json: done", "report: compiling pack meixian: done",
                "report: laying out ", "report: writing meixian.xlsx: done in ")) {
            assertTrue(shown.err().contains(step), step + " in:\n" + shown.err());
        }
    }

    @Test
    void testWithProgressNamesEachPackItGradesAndPrintsTheSameFindings() {
        assumeFalse(Progress.stderrIsTerminal());
        Ran quiet = run("test", "luoshan");
        Ran shown = run("test", "--progress", "luoshan");
        assertEquals(quiet.code(), shown.code());
        assertEquals(quiet.out(), shown.out());
        assertTrue(shown.err().contains("test: pack luoshan (1 of 1): compiling and grading its fixtures: done in "),
                shown.err());
    }

    @Test
    void aStepWithATotalPrintsEachTenthOnceWhereThereIsNoTerminal() {
        assumeFalse(Progress.stderrIsTerminal());
        StringWriter err = new StringWriter();
        Progress progress = Progress.of(new PrintWriter(err, true), "grade", true);
        try (Progress.Step step = progress.step("reading big.json", 1000)) {
            for (long n = 0; n <= 1000; n += 7) {
                step.advanceTo(n);
            }
            step.advanceTo(1000);
        }
        List<String> lines = err.toString().lines().toList();
        assertEquals("grade: reading big.json ...", lines.get(0));
        assertEquals(11, lines.size(), lines.toString());
        for (int tenth = 1; tenth <= 9; tenth++) {
            assertTrue(lines.get(tenth).startsWith(String.format("grade: reading big.json %3d%%", tenth * 10)),
                    lines.get(tenth));
        }
        assertTrue(lines.get(10).startsWith("grade: reading big.json: done in "), lines.get(10));
    }

    @Test
    void noProgressWritesNothingEvenOnATerminal() {
        StringWriter err = new StringWriter();
        try (Progress.Step step = Progress.of(new PrintWriter(err, true), "grade", false).step("anything", 10)) {
            step.advanceTo(5);
        }
        assertEquals("", err.toString());
    }
}
