package govgrade.factsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.FigurePlace;
import govgrade.packs.CompiledPack;
import govgrade.packs.FactsRead;
import govgrade.packs.catalog.PackHome;
import govgrade.published.PackTests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A pack's template has the sheets its rules read: never fewer than its own circulars fill. */
class TemplateSheetsTest {
    private static final PackHome PACKS = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE);

    static List<Path> batches() {
        return Fixtures.expectedFiles().stream().map(PackTests::batchOf).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void aPacksTemplateHasEverySheetItsCircularFills(Path file) throws Exception {
        Batch batch;
        try (InputStream in = Files.newInputStream(file)) {
            batch = BatchReader.read(in, null);
        }
        CompiledPack pack = PACKS.load(batch.pack());
        Set<FigurePlace> read = FactsRead.of(pack).places();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FactsWriter.template(pack.id(), pack.figures(), read, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(Layout.BATCH, book.getSheetName(0));
            assertNotNull(book.getSheet(Layout.UNITS));
            assertNotNull(book.getSheet(Layout.FINDINGS));
            assertNotNull(book.getSheet(Layout.EARLIER));
            if (!batch.accounts().isEmpty()) {
                assertNotNull(book.getSheet(Layout.ACCOUNTS), read.toString());
            }
            if (!batch.columns().isEmpty()) {
                assertNotNull(book.getSheet(Layout.COLUMNS), read.toString());
            }
            if (!batch.activity().isEmpty()) {
                assertNotNull(book.getSheet(Layout.ACTIVITY), read.toString());
            }
        }
    }

    @Test
    void aPackThatGradesOnlySubmissionsHasNoAccountSheets() throws Exception {
        CompiledPack pack = PACKS.load("shangnan");
        Set<FigurePlace> read = FactsRead.of(pack).places();
        assertFalse(read.contains(FigurePlace.ACCOUNT), read.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FactsWriter.template(pack.id(), pack.figures(), read, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertNull(book.getSheet(Layout.ACCOUNTS));
            assertNull(book.getSheet(Layout.POSTS));
            assertNotNull(book.getSheet(Layout.ACTIVITY));
        }
    }
}
