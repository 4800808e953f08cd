package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rule that allocates without end, for real: in a JVM of its own with a 256 MB heap (the test
 * JVM's heap is the machine's to share), the heap runs out on the grading's worker, the grading is
 * answered as an error naming the rule, and the same JVM grades again afterwards.
 */
@Tag("slow")
class OutOfMemoryTest {

    @Test
    void aRuleThatExhaustsTheHeapFailsItsGradingAndTheNextOneWorks() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                HeapExhaustion.class.getName()).redirectErrorStream(true).start();
        String out;
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the small JVM finished");
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = out.lines().filter(l -> l.startsWith("FAILED") || l.startsWith("ALIVE")
                || l.startsWith("GRADED")).toList();
        assertEquals(2, lines.size(), out);
        assertEquals("FAILED MEMORY hoards", lines.get(0), out);
        assertTrue(lines.get(1).startsWith("ALIVE ") && !lines.get(1).equals("ALIVE 0"), out);
        assertEquals(0, p.exitValue(), out);
    }
}
