package govgrade.report;

import static govgrade.report.ReportSheets.headers;
import static govgrade.report.ReportSheets.report;
import static govgrade.report.ReportSheets.rowsBelowHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.facts.Channel;
import govgrade.grading.GradedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sheets of a run's report as a circular's annexes: the summary where there are grades, one per
 * channel, numbered, titled with the county and the period, header frozen and printed on every
 * page, no empty column, page numbers in the footer, widths for Chinese.
 */
class RunReportSheetsTest {

    static List<String> packs() {
        return Fixtures.PACKS;
    }

    @ParameterizedTest
    @MethodSource("packs")
    void namesTheSummaryWhereThereAreGradesThenASheetPerChannelOfTheRunInChinese(String pack) throws Exception {
        GradedRun run = Fixtures.grade(pack);
        List<String> expected = new ArrayList<>();
        if (!run.summaries().isEmpty()) {
            expected.add("汇总");
        }
        for (Channel c : Channel.values()) {
            if (run.results().stream().anyMatch(r -> r.channel().equals(c.code()))) {
                expected.add(ReportSheets.sheetOf(run, c.code()));
            }
        }
        try (XSSFWorkbook wb = report(run)) {
            List<String> names = StreamSupport.stream(wb.spliterator(), false).map(s -> s.getSheetName()).toList();
            assertEquals(expected, names);
        }
    }

    @ParameterizedTest
    @MethodSource("packs")
    void everySheetIsANumberedAnnexTitledWithTheCountyAndPeriodItsHeaderFrozenAndPrintedOnEveryPage(String pack)
            throws Exception {
        GradedRun run = Fixtures.grade(pack);
        String county = run.report().displayName();
        assertTrue(county != null && !county.matches("[a-z-]+"), pack + " names its county: " + county);
        String period = PeriodWords.of(run.period().from(), run.period().to());
        try (XSSFWorkbook wb = report(run)) {
            int n = 0;
            for (var sheet : wb) {
                String where = pack + " " + sheet.getSheetName();
                assertEquals("附件" + ++n, sheet.getRow(TableSheet.ANNEX_ROW).getCell(0).getStringCellValue(), where);
                String title = ReportSheets.title(sheet);
                assertTrue(title.startsWith(county + period), where + " title " + title);
                assertFalse(title.contains(pack + " ") || title.contains(run.pack().version()), where + " " + title);
                assertEquals("（检查时间：" + PeriodWords.days(run.period().from(), run.period().to()) + "）",
                        sheet.getRow(TableSheet.NOTE_ROW).getCell(0).getStringCellValue(), where);
                PaneInformation pane = sheet.getPaneInformation();
                assertNotNull(pane, where + " has frozen panes");
                assertTrue(pane.isFreezePane());
                assertEquals(TableSheet.HEADER_ROW + 1, pane.getHorizontalSplitPosition(), "frozen below the header row");
                assertEquals(CellRangeAddress.valueOf("4:4").formatAsString(), sheet.getRepeatingRows().formatAsString(),
                        where + ": the header row is the print title");
                assertEquals("第 &P 页 共 &N 页", sheet.getFooter().getCenter(), where);
                assertTrue(sheet.getFitToPage() && sheet.getPrintSetup().getFitWidth() == 1
                        && sheet.getPrintSetup().getFitHeight() == 0, where + " prints one page wide");
            }
            assertTrue(wb.getProperties().getCoreProperties().getSubject().startsWith(pack + " 版本 " + run.pack().version()),
                    "what graded is in the workbook's properties");
        }
    }

    @ParameterizedTest
    @MethodSource("packs")
    void noColumnIsEmptyAllTheWayDown(String pack) throws Exception {
        GradedRun run = Fixtures.grade(pack);
        try (XSSFWorkbook wb = report(run)) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                List<String> headers = headers(sheet);
                assertEquals(sheet.getRow(TableSheet.HEADER_ROW).getLastCellNum(), headers.size());
                for (int c = 0; c < headers.size(); c++) {
                    int col = c;
                    assertTrue(rowsBelowHeader(sheet).stream().anyMatch(r -> r.getCell(col) != null
                            && !ReportSheets.SHOWN.formatCellValue(r.getCell(col)).isEmpty()),
                            pack + " " + sheet.getSheetName() + ": column " + headers.get(c) + " is empty");
                }
            }
        }
    }

    @Test
    void columnsAreThoseWithValuesUnitsWithoutAPlatformScoresOnlyWhereTheCircularScores() throws Exception {
        try (XSSFWorkbook wb = report(Fixtures.grade("meixian"))) {
            assertEquals(List.of("地区", "检查类别", "检查数", "不合格数", "合格率", "优秀", "合格", "不合格", "差"),
                    headers(wb.getSheet("汇总")));
            assertEquals(List.of("序号", "账号名称", "平台", "地区", "原创条数", "推荐转载条数", "等级", "存在问题"),
                    headers(wb.getSheet("政务新媒体")));
            assertEquals(List.of("序号", "单位", "地区", "更新条数", "应更新条数", "等级", "存在问题"),
                    headers(wb.getSheet("栏目保障")));
        }
        try (XSSFWorkbook wb = report(Fixtures.grade("shangnan"))) {
            assertEquals(List.of("序号", "单位", "地区", "报送条数", "采用条数", "得分", "排名"),
                    headers(wb.getSheet("信息报送")));
        }
    }

    @Test
    void aLastUpdateIsADateCellPrintedAsCircularsWriteIt() throws Exception {
        GradedRun run = Fixtures.grade("luoshan");
        try (XSSFWorkbook wb = report(run)) {
            XSSFSheet sheet = wb.getSheet("政务新媒体");
            int col = headers(sheet).indexOf("最后更新日期");
            Row row = rowsBelowHeader(sheet).stream().filter(r -> r.getCell(1).getStringCellValue().equals("魅力朱堂"))
                    .findFirst().orElseThrow();
            assertEquals(java.time.LocalDate.of(2019, 6, 14), row.getCell(col).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(ReportStyles.DATE_FORMAT, row.getCell(col).getCellStyle().getDataFormatString());
        }
    }

    @Test
    void problemsAreJoinedWithAChineseSemicolonInAWrappedColumnAndWidthsFitChineseText() throws Exception {
        GradedRun run = Fixtures.grade("meixian");
        GradedRun.Result many = run.results().stream().filter(r -> r.problems().size() > 1).findFirst().orElseThrow();
        try (XSSFWorkbook wb = report(run)) {
            XSSFSheet sheet = wb.getSheet(ReportSheets.sheetOf(run, many.channel()));
            List<String> headers = headers(sheet);
            int col = headers.indexOf("存在问题");
            Row row = rowsBelowHeader(sheet).stream()
                    .filter(r -> r.getCell(1).getStringCellValue().equals(many.subject().name())).findFirst().orElseThrow();
            String joined = many.problems().stream().map(GradedRun.ProblemOut::label).collect(Collectors.joining("；"));
            assertEquals(joined, row.getCell(col).getStringCellValue());
            assertTrue(row.getCell(col).getCellStyle().getWrapText());
            int longestName = rowsBelowHeader(sheet).stream().mapToInt(r -> r.getCell(1).getStringCellValue().length()).max().orElseThrow();
            assertTrue(sheet.getColumnWidth(1) >= 2 * longestName * 256, "CJK names count double");
            for (int c = 0; c < headers.size(); c++) {
                assertTrue(sheet.getColumnWidth(c) <= 62 * 256, "column " + headers.get(c) + " is capped");
            }
        }
    }
}
