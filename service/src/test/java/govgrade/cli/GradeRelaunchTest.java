package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import govgrade.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar govgrade.jar grade} of a batch over the size that starts a second JVM (lowered to 0 MB here,
 * so the pack's fixture counts as big): what the operator sees is what the first JVM would have printed.
 */
@Tag("slow")
class GradeRelaunchTest {
    private static GradeProcess.Run grade(Path dir, String... args) throws Exception {
        return GradeProcess.grade(dir, args);
    }

    private static GradeProcess.Run grade(String java, Path dir, String... args) throws Exception {
        return GradeProcess.grade(java, dir, args);
    }

    private static final String PACK = "shangqiu";

    @Test
    void aRelaunchedGradePrintsTheSameBytesAsOneInThisJvmFirstRecordingThenMappingAnArchive(@TempDir Path dir)
            throws Exception {
        Path batch = Fixtures.batch(PACK);
        GradeProcess.Run inProcess = grade(dir, "--no-jvm-cache", batch.toString());
        assertEquals(0, inProcess.exit(), inProcess.err());
        assertTrue(inProcess.out().length > 1000);
        assertTrue(Files.notExists(dir.resolve("jvm")), "--no-jvm-cache records no archive");

        GradeProcess.Run recording = grade(dir, "--jvm-cache-over-mb", "0", batch.toString());
        Path archive = only(dir.resolve("jvm"));
        assertTrue(archive.getFileName().toString().matches("grade-\\d+-[0-9a-f]{16}\\.(jsa|aot)"), archive.toString());
        GradeProcess.Run mapped = grade(dir, "--jvm-cache-over-mb", "0", batch.toString());

        for (GradeProcess.Run r : List.of(recording, mapped)) {
            assertEquals(0, r.exit(), r.err());
            assertEquals("", r.err());
            assertArrayEquals(inProcess.out(), r.out());
        }
        assertEquals(archive, only(dir.resolve("jvm")));
    }

    /**
     * A file over the default size relaunches before the command line is built ({@link LaunchShortcut#grade}):
     * the fixture followed by 64 MB of whitespace, which JSON allows after the batch.
     */
    @Test
    void aBigFileRelaunchesFromTheShortcutWithTheSameBytes(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.copy(Fixtures.batch(PACK), big);
        try (var out = Files.newOutputStream(big, java.nio.file.StandardOpenOption.APPEND)) {
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i <= 64; i++) {
                out.write(spaces);
            }
        }
        GradeProcess.Run inProcess = grade(dir, "--no-jvm-cache", big.toString());
        assertEquals(0, inProcess.exit(), inProcess.err());
        assertTrue(Files.notExists(dir.resolve("jvm")));
        GradeProcess.Run relaunched = grade(dir, "--progress", big.toString());
        assertEquals(0, relaunched.exit(), relaunched.err());
        assertArrayEquals(inProcess.out(), relaunched.out());
        assertTrue(only(dir.resolve("jvm")).getFileName().toString().startsWith("grade-"), "graded in a second JVM");
    }

    /** JDK 25 writes its AOT cache after the result and says so: never on standard output. */
    @Test
    void onJdk25TheRecordingRunPrintsTheResultAloneOnStandardOutput(@TempDir Path dir) throws Exception {
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        assumeTrue(Files.isExecutable(java25), "no JDK 25 at " + java25);
        Path batch = Fixtures.batch(PACK);
        GradeProcess.Run inProcess = grade(dir, "--no-jvm-cache", batch.toString());

        GradeProcess.Run recording = grade(java25.toString(), dir, "--jvm-cache-over-mb", "0", batch.toString());
        Path archive = only(dir.resolve("jvm"));
        assertTrue(archive.getFileName().toString().matches("grade-25-[0-9a-f]{16}\\.aot"), archive.toString());
        GradeProcess.Run mapped = grade(java25.toString(), dir, "--jvm-cache-over-mb", "0", batch.toString());

        for (GradeProcess.Run r : List.of(recording, mapped)) {
            assertEquals(0, r.exit(), r.err());
            assertArrayEquals(inProcess.out(), r.out(), r.err());
        }
    }

    @Test
    void aBadBatchExitsTwoWithTheJsonPathOnStandardErrorAsInThisJvm(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"pack\":\"" + PACK + "\",\"period\":{\"from\":\"2026-01-01\",\"to\":\"2026-03-31\"},"
                + "\"accounts\":[{\"id\":\"a1\",\"name\":\"x\",\"platform\":\"wechat\",\"posts\":[{\"date\":7}]}]}");
        GradeProcess.Run inProcess = grade(dir, "--no-jvm-cache", bad.toString());
        GradeProcess.Run relaunched = grade(dir, "--jvm-cache-over-mb", "0", bad.toString());

        assertEquals(GradeCommand.BAD_BATCH, inProcess.exit());
        assertEquals(GradeCommand.BAD_BATCH, relaunched.exit());
        assertTrue(relaunched.err().contains("accounts[0].posts[0]"), relaunched.err());
        assertEquals(inProcess.err(), relaunched.err());
        assertEquals(0, relaunched.out().length);
    }

    private static Path only(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
