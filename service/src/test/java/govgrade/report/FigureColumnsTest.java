package govgrade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import govgrade.packs.PackCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's count columns come from the figures a result was graded on, not from its explanations. */
class FigureColumnsTest {
    @TempDir
    Path home;

    @Test
    void aRuleThatRenamesItsExplanationKeysKeepsTheCountColumns() throws Exception {
        PackCopy.copy("shangnan", home);
        Path drl = home.resolve("rules-drl/shangnan/shangnan.drl");
        String text = Files.readString(drl);
        String renamed = text.replace("with( \"submitted\"", "with( \"报送\"").replace("with( \"adopted\"", "with( \"采用\"");
        assertTrue(!renamed.equals(text), "the copy's explanation keys were renamed");
        Files.writeString(drl, renamed);

        GradedRun run = Fixtures.grade(Fixtures.batch("shangnan"), home);
        assertTrue(run.results().stream().flatMap(r -> r.because().stream())
                .noneMatch(b -> b.facts().containsKey("submitted") || b.facts().containsKey("adopted")),
                "no explanation says submitted or adopted any more");
        try (XSSFWorkbook wb = ReportSheets.report(run)) {
            XSSFSheet sheet = wb.getSheet("信息报送");
            List<String> headers = ReportSheets.headers(sheet);
            int submitted = headers.indexOf("报送条数");
            assertEquals("采用条数", headers.get(submitted + 1), headers.toString());
            int filled = 0;
            for (Row row : ReportSheets.rowsBelowHeader(sheet)) {
                if (sheet.getMergedRegions().stream().anyMatch(m -> m.getFirstRow() == row.getRowNum())) {
                    continue;
                }
                GradedRun.Result r = run.results().stream()
                        .filter(x -> x.subject().name().equals(row.getCell(1).getStringCellValue())).findFirst().orElseThrow();
                if (r.figures().submitted() != null) {
                    assertEquals(r.figures().submitted().doubleValue(), row.getCell(submitted).getNumericCellValue());
                    assertEquals(r.figures().adopted().doubleValue(), row.getCell(submitted + 1).getNumericCellValue());
                    filled++;
                }
            }
            assertTrue(filled > 0, "some row prints its counts");
        }
    }

    @Test
    void aRunStoredBeforeFiguresPrintsTheColumnsItsExplanationsGive() throws Exception {
        GradedRun run = Fixtures.grade("shangnan");
        GradedRun stored = withoutFigures(run);
        try (XSSFWorkbook now = ReportSheets.report(run); XSSFWorkbook before = ReportSheets.report(stored)) {
            List<String> headers = ReportSheets.headers(before.getSheet("信息报送"));
            assertEquals(ReportSheets.headers(now.getSheet("信息报送")), headers);
            Row first = ReportSheets.rowsBelowHeader(before.getSheet("信息报送")).get(1);
            GradedRun.Result r = stored.results().stream()
                    .filter(x -> x.subject().name().equals(first.getCell(1).getStringCellValue())).findFirst().orElseThrow();
            assertNull(r.figures());
            Map<String, Object> facts = r.because().get(0).facts();
            assertEquals(((Number) facts.get("submitted")).doubleValue(),
                    first.getCell(headers.indexOf("报送条数")).getNumericCellValue());
        }
    }

    @Test
    void aFigureNoRuleReadIsNoColumnThoughTheBatchGivesIt() throws Exception {
        GradedRun run = Fixtures.grade("shangqiu");
        // Half of Shangqiu's accounts give posts, but its rules read only the last update.
        assertTrue(run.results().stream().allMatch(r -> r.figures().posts() == null));
        assertTrue(run.results().stream().anyMatch(r -> r.figures().lastUpdate() != null));
        try (XSSFWorkbook wb = ReportSheets.report(run)) {
            List<String> headers = ReportSheets.headers(wb.getSheet("政务新媒体"));
            assertFalse(headers.contains("发布条数"), headers.toString());
            assertTrue(headers.contains("距检查日未更新天数"), headers.toString());
        }
    }

    static GradedRun withoutFigures(GradedRun run) {
        List<GradedRun.Result> results = run.results().stream()
                .map(r -> new GradedRun.Result(r.subject(), r.channel(), r.grade(), r.label(), r.score(), r.rank(),
                        r.problems(), r.because(), null))
                .toList();
        return new GradedRun(run.run(), run.pack(), run.period(), results, run.summaries());
    }
}
