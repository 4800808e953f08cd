package govgrade.report;

import static govgrade.report.ReportSheets.headers;
import static govgrade.report.ReportSheets.report;
import static govgrade.report.ReportSheets.rowsBelowHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import govgrade.packs.FigureSheetEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Excel report prints the declared figures rules read as columns of their subjects' table, after the built-in counts. */
class DeclaredFiguresReportTest {
    @TempDir
    Path dir;

    @Test
    void aDeclaredCountIsAColumnAfterTheBuiltInCounts() throws Exception {
        Path home = FigureSheetEdit.pack(dir.resolve("home"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode b = (ObjectNode) json.readTree(Files.readAllBytes(Fixtures.batch("shangqiu")));
        ((ObjectNode) b.get("accounts").get(1)).set("figures", json.readTree("{\"totalPosts\": 5}"));
        Path batch = dir.resolve("batch.json");
        Files.write(batch, json.writeValueAsBytes(b));
        GradedRun run = Fixtures.grade(batch, home);
        try (XSSFWorkbook wb = report(run)) {
            XSSFSheet sheet = wb.getSheet("政务新媒体");
            List<String> headers = headers(sheet);
            int col = headers.indexOf("totalPosts");
            assertTrue(col > headers.indexOf("距检查日未更新天数") && headers.indexOf("距检查日未更新天数") >= 0,
                    headers.toString());
            String a2 = run.results().stream().filter(r -> r.subject().id().equals("shangqiu-a2")).findFirst()
                    .orElseThrow().subject().name();
            int nameCol = headers.indexOf("账号名称");
            Row row = rowsBelowHeader(sheet).stream().filter(r -> r.getCell(nameCol) != null
                    && a2.equals(r.getCell(nameCol).getStringCellValue())).findFirst().orElseThrow();
            assertEquals(5, (int) row.getCell(col).getNumericCellValue());
        }
        try (XSSFWorkbook wb = report(Fixtures.grade("shangqiu"))) {
            assertFalse(headers(wb.getSheet("政务新媒体")).contains("totalPosts"));
        }
    }
}
