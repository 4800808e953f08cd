package govgrade.factsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.facts.DeclaredFigures;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import govgrade.packs.catalog.PackHome;
import govgrade.published.PackTests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strongest test of the facts workbook: every bundled fixture batch written into a workbook,
 * read back, and graded gives the very batch and the very result the JSON gives.
 */
class FactsRoundTripTest {
    private static final PackHome PACKS = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE);

    static List<Path> batches() {
        return Fixtures.expectedFiles().stream().map(PackTests::batchOf).toList();
    }

    static DeclaredFigures declared(String pack) {
        try {
            return PACKS.load(pack).figures();
        } catch (Exception e) {
            return null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void aFixtureWrittenToAWorkbookAndReadBackGradesAsItsJson(Path file) throws Exception {
        Batch fromJson;
        try (InputStream in = Files.newInputStream(file)) {
            fromJson = BatchReader.read(in, null);
        }
        CompiledPack pack = PACKS.load(fromJson.pack());
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        FactsWriter.write(fromJson, pack.figures(), xlsx);

        FactsSheet sheet = FactsWorkbook.read(new ByteArrayInputStream(xlsx.toByteArray()), 32 << 20,
                BatchLimits.DEFAULTS, FactsRoundTripTest::declared);
        Batch fromSheet = BatchReader.read(new ByteArrayInputStream(sheet.json()), null);

        assertEquals(fromJson, fromSheet, new String(sheet.json(), StandardCharsets.UTF_8));
        assertEquals(new String(ResultJson.write(Grading.grade(fromJson, pack, "test")), StandardCharsets.UTF_8),
                new String(ResultJson.write(Grading.grade(fromSheet, pack, "test")), StandardCharsets.UTF_8));
    }
}
