package govgrade.report;

import static govgrade.report.ReportSheets.headers;
import static govgrade.report.ReportSheets.report;
import static govgrade.report.ReportSheets.rowsBelowHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sheets of a run's report: one per channel after the summary, titled, header frozen, widths for Chinese. */
class RunReportSheetsTest {

    static List<String> packs() {
        return Fixtures.PACKS;
    }

    @ParameterizedTest
    @MethodSource("packs")
    void namesTheSummaryThenASheetPerChannelOfTheRunInChinese(String pack) throws Exception {
        GradedRun run = Fixtures.grade(pack);
        List<String> expected = new ArrayList<>(List.of("汇总"));
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
    void everySheetIsTitledWithThePackVersionAndPeriodAndFreezesItsChineseHeader(String pack) throws Exception {
        GradedRun run = Fixtures.grade(pack);
        try (XSSFWorkbook wb = report(run)) {
            for (var sheet : wb) {
                String title = sheet.getRow(0).getCell(0).getStringCellValue();
                for (String part : List.of(pack, run.pack().version(), run.period().from() + " 至 " + run.period().to(),
                        "检查日 " + run.period().checkDate())) {
                    assertTrue(title.contains(part), sheet.getSheetName() + " title " + title + " lacks " + part);
                }
                PaneInformation pane = sheet.getPaneInformation();
                assertNotNull(pane, sheet.getSheetName() + " has frozen panes");
                assertTrue(pane.isFreezePane());
                assertEquals(2, pane.getHorizontalSplitPosition(), "frozen below the header row");
            }
            List<String> headers = headers(wb.getSheet(wb.getSheetName(1)));
            assertEquals(List.of("序号", "单位/账号名称", "类型/平台", "分组", "地区"), headers.subList(0, 5));
            assertEquals(List.of("得分", "排名", "等级", "存在问题"), headers.subList(headers.size() - 4, headers.size()));
            assertEquals(List.of("地区", "检查类别", "检查数", "不合格数", "合格率"), headers(wb.getSheet("汇总")).subList(0, 5));
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
