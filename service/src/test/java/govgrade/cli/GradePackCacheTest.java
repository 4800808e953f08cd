package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar govgrade.jar grade} keeps the pack it compiled in GOVGRADE_CACHE_DIR/packs and
 * the next run reads it back: the same bytes printed whether the pack was compiled, read back, or
 * its file was damaged and compiled again.
 */
@Tag("slow")
class GradePackCacheTest {
    private static final Path BATCH = Fixtures.batch("shangqiu");

    @Test
    void aPackCompiledOnceIsReadBackAndADamagedFileIsCompiledAgain(@TempDir Path dir) throws Exception {
        GradeProcess.Run off = grade(dir, "--no-pack-cache");
        assertEquals(0, off.exit(), off.err());
        assertTrue(Files.notExists(dir.resolve("packs")), "--no-pack-cache keeps nothing");

        GradeProcess.Run compiled = grade(dir);
        assertArrayEquals(off.out(), compiled.out(), compiled.err());
        assertEquals("", compiled.err());
        Path stored = only(dir.resolve("packs"));
        assertTrue(stored.getFileName().toString().matches("shangqiu-.+\\.rules"), stored.toString());

        // Read back: the same file (not one written anew in its place), touched as used.
        Object file = key(stored);
        Files.setLastModifiedTime(stored, FileTime.fromMillis(0));
        GradeProcess.Run readBack = grade(dir);
        assertArrayEquals(off.out(), readBack.out(), readBack.err());
        assertEquals("", readBack.err());
        assertEquals(file, key(stored));
        assertTrue(Files.getLastModifiedTime(stored).toMillis() > 0, "a file read back is touched");

        // The rule base's last byte changed: its hash no longer matches, so it is compiled and written again.
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length - 1] ^= 1;
        Files.write(stored, bytes);
        GradeProcess.Run again = grade(dir);
        assertArrayEquals(off.out(), again.out(), again.err());
        assertTrue(again.err().contains("does not match its hash"), again.err());
        assertNotEquals(file, key(stored), "a damaged file is replaced");
        assertEquals(only(dir.resolve("packs")), stored);
    }

    /** JDK 17 and 25 by turns into one folder: each reads back its own file, neither writes over the other's. */
    @Test
    void anotherJdkKeepsAFileOfItsOwn(@TempDir Path dir) throws Exception {
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(java25), "no JDK 25 at " + java25);
        GradeProcess.Run on17 = grade(dir);
        Path file17 = only(dir.resolve("packs"));
        Object key17 = key(file17);
        GradeProcess.Run on25 = grade(java25.toString(), dir);
        assertArrayEquals(on17.out(), on25.out(), on25.err());
        try (Stream<Path> files = Files.list(dir.resolve("packs"))) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".rules")).count());
        }
        GradeProcess.Run again17 = grade(dir);
        assertArrayEquals(on17.out(), again17.out());
        assertEquals("", again17.err() + on25.err());
        assertEquals(key17, key(file17), "JDK 17's file read back, not compiled again");
    }

    /** grade of the fixture with {@code options}, as an operator runs it. */
    private static GradeProcess.Run grade(Path dir, String... options) throws Exception {
        return grade(ProcessHandle.current().info().command().orElse("java"), dir, options);
    }

    private static GradeProcess.Run grade(String java, Path dir, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(options));
        args.add(BATCH.toString());
        return GradeProcess.grade(java, dir, args.toArray(String[]::new));
    }

    /** Which file this is on the disk (device and inode on Linux): a file moved into its place has another. */
    private static Object key(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    /** The only compiled pack of this JDK in {@code folder}. */
    private static Path only(Path folder) throws IOException {
        String jdk = "-jdk" + Runtime.version().feature() + ".rules";
        try (Stream<Path> files = Files.list(folder).filter(p -> p.getFileName().toString().endsWith(jdk))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
