package govgrade.factsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import govgrade.packs.catalog.PackHome;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A facts workbook re-saved by LibreOffice (as an office that fills it in Calc sends it) reads
 * into the same batch and grades the same. Runs where LibreOffice is installed (CI installs it).
 */
@Tag("office")
class FactsInLibreOfficeTest {
    private static final long TIMEOUT_SECONDS = 180;
    private static final PackHome PACKS = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fixtures/meixian/meixian.json", "fixtures/qingshen/qingshen.json",
        "fixtures/wuding/wuding_2024_09.json"})
    void aWorkbookResavedByLibreOfficeGradesAsItsJson(String file) throws Exception {
        Optional<Path> office = onPath("soffice").or(() -> onPath("libreoffice"));
        assumeTrue(office.isPresent(), "LibreOffice (soffice) is not on PATH; install libreoffice-calc-nogui");
        Batch fromJson;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            fromJson = BatchReader.read(in, null);
        }
        CompiledPack pack = PACKS.load(fromJson.pack());
        Path written = dir.resolve("in.xlsx");
        try (OutputStream out = Files.newOutputStream(written)) {
            FactsWriter.write(fromJson, pack.figures(), out);
        }
        byte[] resaved = resave(office.get(), written);
        assertFalse(Arrays.equals(Files.readAllBytes(written), resaved), "LibreOffice wrote the same bytes");

        FactsSheet sheet = FactsWorkbook.read(new ByteArrayInputStream(resaved), 32 << 20, BatchLimits.DEFAULTS,
                FactsRoundTripTest::declared);
        Batch fromSheet = BatchReader.read(new ByteArrayInputStream(sheet.json()), null);
        assertEquals(fromJson, fromSheet);
        assertEquals(new String(ResultJson.write(Grading.grade(fromJson, pack, "test")), StandardCharsets.UTF_8),
                new String(ResultJson.write(Grading.grade(fromSheet, pack, "test")), StandardCharsets.UTF_8));
    }

    private byte[] resave(Path office, Path in) throws Exception {
        Path converted = Files.createDirectories(dir.resolve("converted"));
        // A fresh HOME and profile keep a user's running LibreOffice (and its lock) out of the way.
        Path profile = Files.createDirectories(dir.resolve("home"));
        ProcessBuilder convert = new ProcessBuilder(office.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", "xlsx", "--outdir", converted.toString(),
                in.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("office.log").toFile())
                .directory(dir.toFile());
        convert.environment().put("HOME", profile.toString());
        Process p = convert.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("LibreOffice did not finish within " + TIMEOUT_SECONDS + " s");
        }
        Path saved = converted.resolve("in.xlsx");
        assertTrue(Files.isRegularFile(saved), "no re-saved workbook; LibreOffice said: "
                + Files.readString(dir.resolve("office.log"), StandardCharsets.UTF_8));
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
