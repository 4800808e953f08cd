package govgrade.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("bench")
class BenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void generateWritesTheSameFileForTheSameSeed(@TempDir Path dir) throws Exception {
        assertEquals(0, run("generate", "--accounts", "40", "--seed", "9", "-o", dir.resolve("a.json").toString()));
        assertEquals(0, run("generate", "--accounts", "40", "--seed", "9", "-o", dir.resolve("b.json").toString()));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.json")), Files.readAllBytes(dir.resolve("b.json")));
        assertTrue(err.toString().contains("40 accounts"), err.toString());
    }

    @Test
    void aGeneratedBatchGradesOnTheCommandLine(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("county.json");
        assertEquals(0, run("generate", "--size", "county", "-o", batch.toString()));
        out.getBuffer().setLength(0);
        // Graded by the product's own command line, as a user would grade it.
        assertEquals(0, govgrade.cli.Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "grade",
                batch.toString()));
        assertTrue(out.toString().contains("\"id\" : \"acc-000149\""), "150 accounts graded");
    }

    @Test
    void generateRefusesAnUnknownSize() {
        assertEquals(2, run("generate", "--size", "planet"));
        assertTrue(err.toString().contains("expected county, province or national"), err.toString());
    }

    @Test
    void benchRunsAtATinySizeAndDrawsThePlot(@TempDir Path dir) {
        assertEquals(0, run("bench", "--parts", "e2e,growth,http", "--sizes", "10,30", "--repeats", "1",
                "--seconds", "1", "--clients", "2", "--no-cold", "--work", dir.toString(), "--out", dir.toString()));
        String o = out.toString();
        for (String figure : new String[] {"e2e / streaming parse", "grading stage / bare Drools",
            "growth: slowest / fastest", "http: grade, county batch, p50 / p99", "http: what-if"}) {
            assertTrue(o.contains(figure), figure + " in\n" + o);
        }
        assertTrue(Files.isRegularFile(dir.resolve("time-per-account.png")));
    }

    @Test
    void benchRefusesAnUnknownPart(@TempDir Path dir) {
        assertEquals(2, run("bench", "--parts", "everything", "--work", dir.toString(), "--out", dir.toString()));
        assertTrue(err.toString().contains("unknown [everything]"), err.toString());
    }
}
