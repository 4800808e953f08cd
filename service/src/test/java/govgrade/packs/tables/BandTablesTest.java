package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.catalog.PackHome;
import govgrade.packs.PackRejected;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A county that writes its news grades as bands of post counts (0: 不合格, 1-4: 合格, 5 and more:
 * 优秀) in a real Drools decision table, and the two mistakes of editing one band edge.
 */
class BandTablesTest {
    @TempDir
    Path home;

    /**
     * Writes the band table with the given bounds (null: open) as a sheet of a copy of Mei county's
     * workbook (a pack has one workbook: a second one beside it is refused).
     */
    private Path packWithBands(Object[][] bands) throws Exception {
        PackCopy.copy("meixian", home);
        Path file = home.resolve("decision-tables/meixian/meixian.xlsx");
        XSSFWorkbook opened;
        try (InputStream in = Files.newInputStream(file)) {
            opened = new XSSFWorkbook(in);
        }
        try (XSSFWorkbook wb = opened) {
            Sheet s = wb.createSheet("快讯动态等级");
            String[][] head = {{"RuleSet", "govgrade.packs.meixian.bands"},
                    {"Import", "govgrade.derive.UnitActivity, govgrade.rules.Verdict"}, {}, {"RuleTable 快讯动态等级"},
                    {"CONDITION", "CONDITION", "CONDITION", "ACTION"}, {"$x : UnitActivity"},
                    {"channelCode == \"$param\"", "posts >= $param", "posts <= $param",
                        "insert( Verdict.of( drools, $x, \"$param\" ) );"},
                    {"栏目", "发布条数不少于", "发布条数不多于", "等级"}};
            for (int r = 0; r < head.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < head[r].length; c++) {
                    row.createCell(c).setCellValue(head[r][c]);
                }
            }
            // One pattern for three constraints: the object-type cell merged across the condition columns
            // (the merged cells must exist for Drools' parser to see the merge).
            s.getRow(5).createCell(1);
            s.getRow(5).createCell(2);
            s.addMergedRegion(new CellRangeAddress(5, 5, 0, 2));
            for (int i = 0; i < bands.length; i++) {
                Row row = s.createRow(8 + i);
                row.createCell(0).setCellValue("news");
                for (int c = 0; c < 3; c++) {
                    Object v = bands[i][c];
                    if (v instanceof Integer n) {
                        row.createCell(c + 1).setCellValue(n);
                    } else if (v != null) {
                        row.createCell(c + 1).setCellValue(v.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    private PackError onlyError() {
        PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("meixian"));
        assertEquals(1, e.errors().size(), e.errors().toString());
        assertEquals("decision-tables/meixian/meixian.xlsx", e.errors().get(0).file());
        assertEquals("快讯动态等级", e.errors().get(0).sheet());
        return e.errors().get(0);
    }

    @Test
    void bandsThatCoverEveryCountOnceCompile() throws Exception {
        packWithBands(new Object[][] {{0, 0, "FAIL"}, {1, 4, "PASS"}, {5, null, "EXCELLENT"}});
        assertTrue(new PackHome(home).load("meixian").ruleCount() > 0);
    }

    @Test
    void raisingOneEdgeWithoutItsNeighbourLeavesAGapNamedAtTheRowAfterIt() throws Exception {
        // 优秀 from 6 posts, but 合格 still ends at 4: a unit with 5 posts matches no row.
        packWithBands(new Object[][] {{0, 0, "FAIL"}, {1, 4, "PASS"}, {6, null, "EXCELLENT"}});
        PackError err = onlyError();
        assertEquals("B11", err.cell());
        assertTrue(err.message().contains("posts = 5") && err.message().contains("gap"), err.message());
    }

    @Test
    void twoRowsThatBothMatchWithDifferentGradesAreAnOverlap() throws Exception {
        // 合格 up to 5 and 优秀 from 5: a unit with 5 posts matches both.
        packWithBands(new Object[][] {{0, 0, "FAIL"}, {1, 5, "PASS"}, {5, null, "EXCELLENT"}});
        PackError err = onlyError();
        assertEquals("B11", err.cell());
        assertTrue(err.message().contains("重叠") && err.message().contains("rows 10 and 11 overlap"), err.message());
    }
}
