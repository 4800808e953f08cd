package govgrade.report;

import static govgrade.report.ReportSheets.headers;
import static govgrade.report.ReportSheets.report;
import static govgrade.report.ReportSheets.rowsBelowHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import govgrade.packs.PackCopy;
import govgrade.packs.ReportSheetEdit;
import govgrade.rules.ReportWords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report names and titles its sheets in the words of the run's pack, and in its own where the pack says nothing. */
class PackWordsReportTest {
    @TempDir
    Path home;

    /** Mei county's June 2023 batch, graded by a copy of its pack whose 报表 sheet names the sheets. */
    private GradedRun namedRun() throws Exception {
        PackCopy.copy("meixian", home);
        PackCopy.editWorkbook(home.resolve("decision-tables/meixian/meixian.xlsx"), wb -> ReportSheetEdit.write(wb,
                new String[] {"汇总", "通报汇总", "眉县政府网站和政务新媒体检查情况", "the summary"},
                new String[] {"news", "动态信息", "各镇动态信息更新情况"},
                new String[] {"政务新媒体", "政务新媒体账号", null}));
        return Fixtures.grade(Fixtures.batch("meixian"), home);
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        return StreamSupport.stream(wb.spliterator(), false).map(Sheet::getSheetName).toList();
    }

    private static String title(XSSFSheet sheet) {
        return sheet.getRow(TableSheet.TITLE_ROW).getCell(0).getStringCellValue();
    }

    @Test
    void sheetsAreNamedAndTitledInThePacksWords() throws Exception {
        GradedRun run = namedRun();
        try (XSSFWorkbook wb = report(run)) {
            assertEquals(List.of("通报汇总", "政务新媒体账号", "栏目保障", "动态信息"), sheetNames(wb));
            // A title that begins with the county gets the period after it; the others get both before them.
            assertEquals("眉县2023年6月政府网站和政务新媒体检查情况", title(wb.getSheet("通报汇总")));
            assertEquals("眉县2023年6月各镇动态信息更新情况", title(wb.getSheet("动态信息")));
            // A name without a title titles its sheet as the report always did, with the pack's name.
            assertEquals("眉县2023年6月政务新媒体账号检查结果", title(wb.getSheet("政务新媒体账号")));
            assertEquals("眉县2023年6月栏目保障检查结果", title(wb.getSheet("栏目保障")));
            XSSFSheet summary = wb.getSheet("通报汇总");
            int col = headers(summary).indexOf("检查类别");
            List<String> channels = rowsBelowHeader(summary).stream().map(r -> r.getCell(col).getStringCellValue())
                    .distinct().toList();
            assertTrue(channels.containsAll(List.of("动态信息", "政务新媒体账号", "栏目保障")), channels.toString());
            assertFalse(channels.contains("快讯动态"), channels.toString());
            long newsRows = run.results().stream().filter(r -> r.channel().equals("news")).count();
            assertEquals(newsRows, rowsBelowHeader(wb.getSheet("动态信息")).stream()
                    .filter(r -> r.getCell(0) != null && r.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC)
                    .count());
        }
    }

    @Test
    void aStoredOrPrintedRunCarriesTheWordsSoItsReportNeedsNoPack() throws Exception {
        GradedRun run = namedRun();
        String json = new String(ResultJson.write(run), StandardCharsets.UTF_8);
        assertTrue(json.endsWith(",\"report\":{\"summarySheet\":\"通报汇总\",\"title\":\"眉县政府网站和政务新媒体检查情况\","
                + "\"channels\":{\"new-media\":{\"sheet\":\"政务新媒体账号\"},\"news\":{\"sheet\":\"动态信息\","
                + "\"title\":\"各镇动态信息更新情况\"}},\"displayName\":\"眉县\"}}"),
                json.substring(json.lastIndexOf("\"report\"")));
        GradedRun back = ResultJson.readRun(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(run.report(), back.report());
        try (XSSFWorkbook wb = report(back)) {
            assertEquals(List.of("通报汇总", "政务新媒体账号", "栏目保障", "动态信息"), sheetNames(wb));
        }
    }

    @Test
    void meiCountysBundledPackPrintsItsCircularsWordsForTheNewsAnnex() throws Exception {
        GradedRun run = Fixtures.grade("meixian");
        try (XSSFWorkbook wb = report(run)) {
            assertEquals(List.of("汇总", "政务新媒体", "栏目保障", "各镇快讯、部门动态"), sheetNames(wb));
            assertEquals("眉县2023年6月各镇快讯、部门动态检查结果", title(wb.getSheet("各镇快讯、部门动态")));
            assertEquals("眉县2023年6月检查结果汇总", title(wb.getSheet("汇总")));
        }
    }

    @Test
    void aPackThatNamesOnlyItsCountyReportsInTheReportsOwnWordsTitledWithIt() throws Exception {
        GradedRun run = Fixtures.grade("shangqiu");
        assertEquals(new ReportWords(null, null, null, "商丘市"), run.report());
        assertTrue(new String(ResultJson.write(run), StandardCharsets.UTF_8).endsWith(",\"report\":{\"displayName\":\"商丘市\"}}"));
        try (XSSFWorkbook wb = report(run)) {
            assertEquals(List.of("汇总", "政务新媒体"), sheetNames(wb));
            assertEquals("商丘市2020年第四季度检查结果汇总", title(wb.getSheet("汇总")));
            assertEquals("商丘市2020年第四季度政务新媒体检查结果", title(wb.getSheet("政务新媒体")));
            Row first = rowsBelowHeader(wb.getSheet("汇总")).get(0);
            assertEquals("政务新媒体", first.getCell(1).getStringCellValue());
        }
    }

    @Test
    void aRunStoredBeforePacksNamedTheirCountyIsTitledWithItsPacksIdAndItsJsonIsUnchanged() throws Exception {
        GradedRun graded = Fixtures.grade("shangqiu");
        GradedRun run = new GradedRun(graded.run(), graded.pack(), graded.period(), graded.results(), graded.summaries());
        assertFalse(new String(ResultJson.write(run), StandardCharsets.UTF_8).contains("\"report\""));
        try (XSSFWorkbook wb = report(run)) {
            assertEquals("shangqiu 2020年第四季度政务新媒体检查结果", title(wb.getSheet("政务新媒体")));
        }
    }
}
