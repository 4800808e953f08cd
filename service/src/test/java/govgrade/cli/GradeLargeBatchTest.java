package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.facts.LargeBatches;
import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade} of a batch large enough that its accounts are checked and its result written on every
 * core. Nothing reaches standard output before the rules have fired on the whole batch: a batch refused
 * at its last account prints nothing there, only the refusal on standard error.
 */
class GradeLargeBatchTest {
    private static final int ACCOUNTS = 12_000;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @Test
    void theResultPrintedIsTheOneTheCodecWritesOfIt() throws Exception {
        int code = grade(batch(-1));
        assertEquals(0, code, err.toString());
        GradedRun run = ResultJson.read(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                GradedRun.class);
        assertEquals(ACCOUNTS, run.results().size());
        StringWriter codec = new StringWriter();
        ResultJson.writePretty(codec, run);
        assertEquals(codec + System.lineSeparator(), out.toString());
    }

    @Test
    void aBatchRefusedAtItsLastAccountPrintsNothingOnStandardOutput() throws Exception {
        int code = grade(batch(ACCOUNTS - 1));
        assertEquals(GradeCommand.BAD_BATCH, code, err.toString());
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("accounts[" + (ACCOUNTS - 1) + "].posts[1].date"), err.toString());
    }

    private Path batch(int lateAt) throws Exception {
        Path file = dir.resolve("large.json");
        Files.writeString(file, LargeBatches.json(ACCOUNTS, -1, "", lateAt));
        return file;
    }

    private int grade(Path file) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "grade", file.toString());
    }
}
