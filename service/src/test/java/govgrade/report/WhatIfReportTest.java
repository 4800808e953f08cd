package govgrade.report;

import static govgrade.report.ReportSheets.SHOWN;
import static govgrade.report.ReportSheets.headers;
import static govgrade.report.ReportSheets.rowsBelowHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import govgrade.packs.PackCopy;
import govgrade.runs.WhatIf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The what-if sheet: each changed subject before and after, the change highlighted, or that nothing changes. */
class WhatIfReportTest {

    @TempDir
    Path home;

    WhatIf newsNeedsSevenPosts() throws Exception {
        PackCopy.copy("meixian", home);
        GradedRun before = Fixtures.grade(Fixtures.batch("meixian"), home);
        PackCopy.editWorkbook(home.resolve("decision-tables/meixian/meixian.xlsx"),
                wb -> PackCopy.rowOf(wb, "参数", "newsExcellentMinPosts").getCell(2).setCellValue(7));
        GradedRun after = Fixtures.grade(Fixtures.batch("meixian"), home);
        return WhatIf.between(null, before, after);
    }

    XSSFWorkbook report(WhatIf w) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunReport.writeWhatIf(w, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void listsEachChangedSubjectBeforeAndAfterWithTheChangedCellsHighlighted() throws Exception {
        WhatIf w = newsNeedsSevenPosts();
        assertEquals(3, w.changes().size(), "three units with 6 news posts drop from excellent to pass");
        try (XSSFWorkbook wb = report(w)) {
            XSSFSheet sheet = wb.getSheet("假设分析");
            String title = sheet.getRow(TableSheet.TITLE_ROW).getCell(0).getStringCellValue();
            assertTrue(title.contains(w.base().version()) && title.contains(w.against().version()), title);
            assertEquals(TableSheet.HEADER_ROW + 1, sheet.getPaneInformation().getHorizontalSplitPosition());
            List<String> headers = headers(sheet);
            int before = headers.indexOf("调整前等级");
            int after = headers.indexOf("调整后等级");
            List<Row> rows = rowsBelowHeader(sheet);
            for (int i = 0; i < w.changes().size(); i++) {
                WhatIf.Change c = w.changes().get(i);
                Row row = rows.get(i);
                assertEquals(c.subject().name(), row.getCell(1).getStringCellValue());
                assertEquals("快讯动态", row.getCell(3).getStringCellValue());
                assertEquals(c.before().label(), row.getCell(before).getStringCellValue());
                assertEquals(c.after().label(), row.getCell(after).getStringCellValue());
                assertEquals("优秀", c.before().label());
                assertEquals("合格", c.after().label());
                var highlight = ((XSSFCell) row.getCell(after)).getCellStyle();
                assertEquals(FillPatternType.SOLID_FOREGROUND, highlight.getFillPattern());
                assertNotEquals(((XSSFCell) row.getCell(before)).getCellStyle().getFillForegroundXSSFColor().getARGBHex(),
                        highlight.getFillForegroundXSSFColor().getARGBHex(), "the change stands out");
                assertFalse(((XSSFCell) row.getCell(after + 3)).getCellStyle().getFillPattern()
                        == FillPatternType.SOLID_FOREGROUND, "unchanged problems are not highlighted");
            }
            Map<String, String> counts = new HashMap<>();
            for (Row row : rows.subList(w.changes().size(), rows.size())) {
                if (row.getCell(1) != null && !"等级".equals(row.getCell(1).getStringCellValue())) {
                    counts.put(row.getCell(1).getStringCellValue(), SHOWN.formatCellValue(row.getCell(2)) + "→"
                            + SHOWN.formatCellValue(row.getCell(3)) + " " + SHOWN.formatCellValue(row.getCell(4)));
                }
            }
            int excellentBefore = w.grades().before().get("EXCELLENT");
            assertEquals(excellentBefore + "→" + (excellentBefore - 3) + " -3", counts.get("优秀"), counts.toString());
        }
    }

    @Test
    void saysSoWhenNothingWouldChange() throws Exception {
        GradedRun run = Fixtures.grade("meixian");
        try (XSSFWorkbook wb = report(WhatIf.between("w1", run, run))) {
            XSSFSheet sheet = wb.getSheet("假设分析");
            assertTrue(sheet.getRow(TableSheet.HEADER_ROW + 1).getCell(0).getStringCellValue().contains("无变化"));
        }
    }
}
