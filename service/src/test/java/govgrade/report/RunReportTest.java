package govgrade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.facts.Channel;
import govgrade.grading.GradedRun;
import govgrade.packs.PackCopy;
import govgrade.runs.WhatIf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunReportTest {
    private static final DataFormatter SHOWN = new DataFormatter();

    static List<String> packs() {
        return Fixtures.PACKS;
    }

    static XSSFWorkbook report(GradedRun run) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunReport.write(run, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @ParameterizedTest
    @MethodSource("packs")
    void namesTheSummaryThenASheetPerChannelOfTheRunInChinese(String pack) throws Exception {
        GradedRun run = Fixtures.grade(pack);
        List<String> expected = new ArrayList<>(List.of("汇总"));
        for (Channel c : Channel.values()) {
            if (run.results().stream().anyMatch(r -> r.channel().equals(c.code()))) {
                expected.add(c.chineseName());
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
                XSSFSheet sheet = wb.getSheet(c.chineseName());
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
                    String rank = SHOWN.formatCellValue(row.getCell(headers.indexOf("排名")));
                    printed.add(row.getCell(1).getStringCellValue() + "|" + rank + "|"
                            + SHOWN.formatCellValue(row.getCell(headers.indexOf("等级"))));
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
        try (XSSFWorkbook wb = report(Fixtures.grade("meixian"))) {
            Map<String, String> fills = new HashMap<>();
            for (String name : List.of("政务新媒体", "栏目保障", "快讯动态")) {
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
            assertEquals(List.of("报送条数", "采用条数"), headers.subList(5, headers.size() - 4));
            Row first = rowsBelowHeader(sheet).get(1); // after the 乡镇 group row
            GradedRun.Result r = run.results().stream()
                    .filter(x -> x.subject().name().equals(first.getCell(1).getStringCellValue())).findFirst().orElseThrow();
            Map<String, Object> facts = r.because().get(0).facts();
            assertEquals(((Number) facts.get("submitted")).doubleValue(), first.getCell(5).getNumericCellValue());
            assertEquals(((Number) facts.get("adopted")).doubleValue(), first.getCell(6).getNumericCellValue());
            assertEquals(r.score().doubleValue(), first.getCell(headers.indexOf("得分")).getNumericCellValue(), 1e-9);
        }
        try (XSSFWorkbook wb = report(Fixtures.grade("shangqiu"))) {
            List<String> headers = headers(wb.getSheet("政务新媒体"));
            assertTrue(headers.contains("最后更新日期"), headers.toString());
            assertFalse(headers.contains("发布条数"), "no column without values: " + headers);
        }
    }

    @Test
    void problemsAreJoinedWithAChineseSemicolonInAWrappedColumnAndWidthsFitChineseText() throws Exception {
        GradedRun run = Fixtures.grade("meixian");
        GradedRun.Result many = run.results().stream().filter(r -> r.problems().size() > 1).findFirst().orElseThrow();
        try (XSSFWorkbook wb = report(run)) {
            XSSFSheet sheet = wb.getSheet(Channel.parse(many.channel()).chineseName());
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

    @Nested
    class AWhatIf {
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
                String title = sheet.getRow(0).getCell(0).getStringCellValue();
                assertTrue(title.contains(w.base().version()) && title.contains(w.against().version()), title);
                assertEquals(2, sheet.getPaneInformation().getHorizontalSplitPosition());
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
                assertTrue(sheet.getRow(2).getCell(0).getStringCellValue().contains("无变化"));
            }
        }
    }

    static List<String> headers(XSSFSheet sheet) {
        XSSFRow row = sheet.getRow(1);
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            out.add(row.getCell(c).getStringCellValue());
        }
        return out;
    }

    static List<Row> rowsBelowHeader(XSSFSheet sheet) {
        List<Row> out = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r) != null) {
                out.add(sheet.getRow(r));
            }
        }
        return out;
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
