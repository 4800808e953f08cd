package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

/** A pack's version is what its files mean: the text of its rules and the cells of its tables. */
class PackMeaningTest {
    private static final String DRL = "rules-drl/meixian/meixian.drl";
    private static final String XLSX = "decision-tables/meixian/meixian.xlsx";

    private static SortedMap<String, byte[]> bundled() throws Exception {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(DRL, Files.readAllBytes(Path.of(DRL)));
        files.put(XLSX, Files.readAllBytes(Path.of(XLSX)));
        return files;
    }

    private static SortedMap<String, byte[]> withWorkbook(Consumer<Workbook> edit) throws Exception {
        SortedMap<String, byte[]> files = bundled();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(files.get(XLSX)))) {
            edit.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            files.put(XLSX, out.toByteArray());
        }
        return files;
    }

    /** The code template cell of the first ACTION column of the first RuleTable on {@code sheet}. */
    private static Cell actionTemplate(Workbook wb, String sheet) {
        Sheet s = wb.getSheet(sheet);
        for (Row r : s) {
            for (Cell c : r) {
                if (c.toString().trim().startsWith("RuleTable")) {
                    Row types = s.getRow(r.getRowNum() + 1);
                    for (Cell t : types) {
                        if (t.toString().trim().equals("ACTION")) {
                            return s.getRow(r.getRowNum() + 3).getCell(t.getColumnIndex());
                        }
                    }
                }
            }
        }
        throw new AssertionError("no ACTION column on " + sheet);
    }

    @Test
    void aWorkbookWrittenAgainUnchangedIsTheSameVersion() throws Exception {
        SortedMap<String, byte[]> rewritten = withWorkbook(wb -> { });
        assertNotEquals(new String(bundled().get(XLSX), StandardCharsets.ISO_8859_1),
                new String(rewritten.get(XLSX), StandardCharsets.ISO_8859_1), "POI writes other bytes");
        assertEquals(PackMeaning.of(bundled()).version(), PackMeaning.of(rewritten).version());
    }

    @Test
    void lineEndingsAndAByteOrderMarkInARuleFileAreTheSameVersion() throws Exception {
        SortedMap<String, byte[]> files = bundled();
        String drl = new String(files.get(DRL), StandardCharsets.UTF_8);
        files.put(DRL, ("\uFEFF" + drl.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        assertEquals(PackMeaning.of(bundled()).version(), PackMeaning.of(files).version());
        files.put(DRL, (drl + "\n// a comment\n").getBytes(StandardCharsets.UTF_8));
        assertNotEquals(PackMeaning.of(bundled()).version(), PackMeaning.of(files).version(), "a new line is text");
    }

    @Test
    void aThresholdIsAValueCellTheVersionChangesTheCodeDoesNot() throws Exception {
        SortedMap<String, byte[]> six = withWorkbook(
                wb -> PackCopy.rowOf(wb, "参数", "newsExcellentMinPosts").getCell(2).setCellValue(6));
        PackMeaning before = PackMeaning.of(bundled());
        PackMeaning after = PackMeaning.of(six);
        assertNotEquals(before.version(), after.version());
        assertEquals(before.codeVersion(), after.codeVersion());
        assertTrue(after.firstCodeChange(before).isEmpty());
        assertTrue(after.version().matches("[0-9a-f]{16}"), after.version());
    }

    @Test
    void anActionTemplateIsACodeCellNamedAtItsPlaceWhenChanged() throws Exception {
        String[] where = new String[1];
        SortedMap<String, byte[]> smuggled = withWorkbook(wb -> {
            Cell c = actionTemplate(wb, "参数");
            c.setCellValue(c.getStringCellValue() + " System.exit(0);");
            where[0] = new CellReference(c.getRowIndex(), c.getColumnIndex()).formatAsString(false);
        });
        PackMeaning before = PackMeaning.of(bundled());
        PackMeaning after = PackMeaning.of(smuggled);
        assertNotEquals(before.codeVersion(), after.codeVersion());
        PackError e = after.firstCodeChange(before).orElseThrow();
        assertEquals(XLSX, e.file());
        assertEquals("参数", e.sheet());
        assertEquals(where[0], e.cell());
        assertTrue(e.message().contains("System.exit"), e.message());
    }

    @Test
    void aChangedRuleFileIsNamedAtItsFirstChangedLine() throws Exception {
        SortedMap<String, byte[]> files = bundled();
        String drl = new String(files.get(DRL), StandardCharsets.UTF_8);
        String[] lines = drl.split("\n", -1);
        lines[4] = lines[4] + " ";
        files.put(DRL, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        PackError e = PackMeaning.of(files).firstCodeChange(PackMeaning.of(bundled())).orElseThrow();
        assertEquals(DRL, e.file());
        assertEquals(5, e.line());
    }
}
