package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import govgrade.packs.PackSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundled workbook re-saved by LibreOffice, as staff who open and save it unchanged do: new
 * bytes every time, the same cells, so the same version. Skipped where LibreOffice is not
 * installed (CI installs it).
 */
@Tag("office")
class PackMeaningInLibreOfficeTest {
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void twoLibreOfficeResavesOfMeiCountysWorkbookAreTheSameVersionAsTheOriginal() throws Exception {
        Optional<Path> office = onPath("soffice").or(() -> onPath("libreoffice"));
        assumeTrue(office.isPresent(), "LibreOffice (soffice) is not on PATH; install libreoffice-calc-nogui");
        Path original = Path.of("decision-tables/meixian/meixian.xlsx");
        byte[] first = resave(office.get(), original, dir.resolve("one"));
        byte[] second = resave(office.get(), original, dir.resolve("two"));
        byte[] bytes = Files.readAllBytes(original);
        assertFalse(Arrays.equals(bytes, first), "LibreOffice wrote the file byte for byte; the test proves nothing");
        assertFalse(Arrays.equals(first, second), "two re-saves gave the same bytes; the test proves nothing");

        String version = source(bytes).version();
        assertEquals(version, source(first).version(), "a re-save is the same version");
        assertEquals(version, source(second).version());
        assertEquals(source(bytes).codeVersion(), source(first).codeVersion());
        assertTrue(PackMeaning.of(files(first)).firstCodeChange(PackMeaning.of(files(bytes))).isEmpty());
        assertTrue(version.matches("[0-9a-f]{16}"), version);
    }

    private static PackSource source(byte[] xlsx) throws Exception {
        return PackMeaning.source("meixian", files(xlsx));
    }

    private static SortedMap<String, byte[]> files(byte[] xlsx) throws Exception {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("rules-drl/meixian/meixian.drl", Files.readAllBytes(Path.of("rules-drl/meixian/meixian.drl")));
        files.put("decision-tables/meixian/meixian.xlsx", xlsx);
        return files;
    }

    private byte[] resave(Path office, Path xlsx, Path out) throws Exception {
        Files.createDirectories(out);
        Path in = Files.copy(xlsx, out.resolve("in.xlsx"));
        Path converted = Files.createDirectories(out.resolve("converted"));
        // A fresh HOME and profile keep a user's running LibreOffice (and its lock) out of the way.
        Path profile = Files.createDirectories(out.resolve("home"));
        ProcessBuilder convert = new ProcessBuilder(office.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", "xlsx", "--outdir", converted.toString(),
                in.toString())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("office.log").toFile())
                .directory(out.toFile());
        convert.environment().put("HOME", profile.toString());
        Process p = convert.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("LibreOffice did not finish within " + TIMEOUT_SECONDS + " s");
        }
        Path saved = converted.resolve("in.xlsx");
        assertTrue(Files.isRegularFile(saved), "no re-saved workbook; LibreOffice said: "
                + Files.readString(out.resolve("office.log"), StandardCharsets.UTF_8));
        return Files.readAllBytes(saved);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }
}
