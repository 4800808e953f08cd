package govgrade.factsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.OfficeSuite;
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
    private static final PackHome PACKS = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fixtures/meixian/meixian.json", "fixtures/qingshen/qingshen.json",
        "fixtures/wuding/wuding_2024_09.json"})
    void aWorkbookResavedByLibreOfficeGradesAsItsJson(String file) throws Exception {
        Path office = OfficeSuite.require();
        Batch fromJson;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            fromJson = BatchReader.read(in, null);
        }
        CompiledPack pack = PACKS.load(fromJson.pack());
        Path written = dir.resolve("in.xlsx");
        try (OutputStream out = Files.newOutputStream(written)) {
            FactsWriter.write(fromJson, pack.figures(), out);
        }
        byte[] resaved = Files.readAllBytes(OfficeSuite.convert(office, written, "xlsx", dir));
        assertFalse(Arrays.equals(Files.readAllBytes(written), resaved), "LibreOffice wrote the same bytes");

        FactsSheet sheet = FactsWorkbook.read(new ByteArrayInputStream(resaved), 32 << 20, BatchLimits.DEFAULTS,
                FactsRoundTripTest::declared);
        Batch fromSheet = BatchReader.read(new ByteArrayInputStream(sheet.json()), null);
        assertEquals(fromJson, fromSheet);
        assertEquals(new String(ResultJson.write(Grading.grade(fromJson, pack, "test")), StandardCharsets.UTF_8),
                new String(ResultJson.write(Grading.grade(fromSheet, pack, "test")), StandardCharsets.UTF_8));
    }
}
