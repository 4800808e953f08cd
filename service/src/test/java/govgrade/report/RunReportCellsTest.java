package govgrade.report;

import static govgrade.report.ReportSheets.SHOWN;
import static govgrade.report.ReportSheets.headers;
import static govgrade.report.ReportSheets.report;
import static govgrade.report.ReportSheets.rowsBelowHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.facts.Channel;
import govgrade.grading.GradedRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the cells of a run's report hold: ranks and grades, their fills, the summary, the count columns. */
class RunReportCellsTest {

    static List<String> packs() {
        return Fixtures.PACKS;
    }

    @ParameterizedTest
    @MethodSource("packs")
    void ranksAndGradesInTheCellsAreTheRunsTownshipsFirstEachGroupByRank(String pack) throws Exception {
        GradedRun run = Fixtures.grade(pack);
        try (XSSFWorkbook wb = report(run)) {
            for (Channel c : Channel.values()) {
                List<GradedRun.Result> results = run.results().stream().filter(r -> r.channel().equals(c.code())).toList();
                if (results.isEmpty()) {
                    continue;
                }
                XSSFSheet sheet = wb.getSheet(ReportSheets.sheetOf(run, c.code()));
                List<String> headers = headers(sheet);
                List<String> groups = new ArrayList<>();
                List<String> printed = new ArrayList<>();
                List<Integer> ranks = new ArrayList<>();
                for (Row row : rowsBelowHeader(sheet)) {
                    if (sheet.getMergedRegions().stream().anyMatch(m -> m.getFirstRow() == row.getRowNum())) {
                        groups.add(row.getCell(0).getStringCellValue());
                        assertRankedNullsLast(ranks, pack + " " + c);
                        ranks.clear();
                        continue;
                    }
                    // A column no result has a value in is not printed: its cells read empty.
                    String rank = shown(row, headers, "排名");
                    printed.add(row.getCell(1).getStringCellValue() + "|" + rank + "|" + shown(row, headers, "等级"));
                    ranks.add(rank.isEmpty() ? null : Integer.valueOf(rank));
                }
                assertRankedNullsLast(ranks, pack + " " + c);
                List<String> expected = results.stream().map(r -> r.subject().name() + "|"
                        + (r.rank() == null ? "" : r.rank()) + "|" + (r.label() == null ? "" : r.label())).toList();
                assertEquals(expected.stream().sorted().toList(), printed.stream().sorted().toList(), pack + " " + c);
                if (groups.contains("乡镇（街道）") && groups.contains("部门（单位）")) {
                    assertTrue(groups.indexOf("乡镇（街道）") < groups.indexOf("部门（单位）"), groups.toString());
                }
            }
        }
    }

    @Test
    void failedAndPoorGradesAreFilledRedAndExcellentGreen() throws Exception {
        GradedRun run = Fixtures.grade("meixian");
        try (XSSFWorkbook wb = report(run)) {
            Map<String, String> fills = new HashMap<>();
            for (String name : List.of("new-media", "columns", "news").stream().map(c -> ReportSheets.sheetOf(run, c)).toList()) {
                XSSFSheet sheet = wb.getSheet(name);
                int col = headers(sheet).indexOf("等级");
                for (Row row : rowsBelowHeader(sheet)) {
                    XSSFCell cell = (XSSFCell) row.getCell(col);
                    if (cell == null || cell.getStringCellValue().isEmpty()) {
                        continue;
                    }
                    var style = cell.getCellStyle();
                    if (List.of("不合格", "差").contains(cell.getStringCellValue())) {
                        assertEquals(FillPatternType.SOLID_FOREGROUND, style.getFillPattern(), name + " row " + row.getRowNum());
                    }
                    if (style.getFillPattern() == FillPatternType.SOLID_FOREGROUND) {
                        fills.put(cell.getStringCellValue(), style.getFillForegroundXSSFColor().getARGBHex());
                    }
                }
            }
            assertTrue(fills.keySet().containsAll(List.of("优秀", "不合格", "差")), fills.toString());
            assertNotEquals(fills.get("优秀"), fills.get("不合格"));
            assertNotEquals(fills.get("不合格"), fills.get("差"));
        }
    }

    @Test
    void theSummaryHoldsEveryRegionsCheckedFailedAndPassRateAsThePercentTheRunGives() throws Exception {
        GradedRun run = Fixtures.grade("shangqiu");
        try (XSSFWorkbook wb = report(run)) {
            XSSFSheet sheet = wb.getSheet("汇总");
            Map<String, Row> byRegion = new HashMap<>();
            for (Row row : rowsBelowHeader(sheet)) {
                byRegion.put(row.getCell(0).getStringCellValue() + "|" + row.getCell(1).getStringCellValue(), row);
            }
            assertEquals(run.summaries().size(), byRegion.size());
            for (GradedRun.Summary s : run.summaries()) {
                Row row = byRegion.get(s.region() + "|" + Channel.parse(s.channel()).chineseName());
                assertNotNull(row, "summary row of " + s.region());
                assertEquals(s.checked(), (int) row.getCell(2).getNumericCellValue());
                assertEquals(s.failed(), (int) row.getCell(3).getNumericCellValue());
                assertEquals(s.passRate().toPlainString() + "%", SHOWN.formatCellValue(row.getCell(4)), s.region());
                assertEquals(s.passRate().doubleValue(), row.getCell(4).getNumericCellValue() * 100, 1e-9);
            }
            assertTrue(byRegion.containsKey("全市|政务新媒体"), "the all-regions row the pack names");
        }
    }

    @Test
    void countColumnsAreTheFactsTheRulesReadAndOnlyThoseWithValues() throws Exception {
        GradedRun run = Fixtures.grade("shangnan");
        try (XSSFWorkbook wb = report(run)) {
            XSSFSheet sheet = wb.getSheet("信息报送");
            List<String> headers = headers(sheet);
            assertEquals(List.of("报送条数", "采用条数"), headers.subList(3, 5));
            Row first = rowsBelowHeader(sheet).get(1); // after the 乡镇 group row
            GradedRun.Result r = run.results().stream()
                    .filter(x -> x.subject().name().equals(first.getCell(1).getStringCellValue())).findFirst().orElseThrow();
            Map<String, Object> facts = r.because().get(0).facts();
            assertEquals(((Number) facts.get("submitted")).doubleValue(), first.getCell(3).getNumericCellValue());
            assertEquals(((Number) facts.get("adopted")).doubleValue(), first.getCell(4).getNumericCellValue());
            assertEquals(r.score().doubleValue(), first.getCell(headers.indexOf("得分")).getNumericCellValue(), 1e-9);
        }
        try (XSSFWorkbook wb = report(Fixtures.grade("shangqiu"))) {
            List<String> headers = headers(wb.getSheet("政务新媒体"));
            assertTrue(headers.contains("最后更新日期"), headers.toString());
            assertFalse(headers.contains("发布条数"), "no column without values: " + headers);
        }
    }

    private static String shown(Row row, List<String> headers, String header) {
        int col = headers.indexOf(header);
        return col < 0 ? "" : SHOWN.formatCellValue(row.getCell(col));
    }

    private static void assertRankedNullsLast(List<Integer> ranks, String where) {
        boolean unranked = false;
        Integer last = null;
        for (Integer r : ranks) {
            if (r == null) {
                unranked = true;
                continue;
            }
            assertFalse(unranked, where + ": a ranked row after an unranked one " + ranks);
            assertTrue(last == null || last <= r, where + ": ranks out of order " + ranks);
            last = r;
        }
    }
}
