package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.DeclaredFigures;
import govgrade.factsheets.FactsWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code facts-template PACK} and {@code grade FILE.xlsx}. */
class FactsCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static Path workbook(String pack, Path to) throws Exception {
        Batch batch;
        try (InputStream in = Files.newInputStream(Fixtures.batch(pack))) {
            batch = BatchReader.read(in, null);
        }
        try (OutputStream o = Files.newOutputStream(to)) {
            FactsWriter.write(batch, DeclaredFigures.NONE, o);
        }
        return to;
    }

    @Test
    void theTemplateAsWrittenIsAWorkbookGradeTakes(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("模板.xlsx");
        assertEquals(0, run("facts-template", "wuding", "-o", template.toString()), err.toString());
        assertEquals(template.toString(), out.toString().trim());
        out.getBuffer().setLength(0);
        assertEquals(0, run("grade", template.toString()), err.toString());
        JsonNode run = new ObjectMapper().readTree(out.toString());
        assertEquals("wuding", run.at("/pack/id").asText());
    }

    @Test
    void aBatchWrittenIntoTheTemplateGradesAsTheBatch(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("meixian.xlsx");
        assertEquals(0, run("facts-template", "meixian", "--batch", Fixtures.batch("meixian").toString(), "-o",
                xlsx.toString()), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("grade", xlsx.toString()), err.toString());
        JsonNode fromSheet = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("grade", Fixtures.batch("meixian").toString()), err.toString());
        assertEquals(new ObjectMapper().readTree(out.toString()).get("results"), fromSheet.get("results"));
        assertEquals(Exits.BAD_INPUT, run("facts-template", "shangnan", "--batch", Fixtures.batch("meixian").toString(),
                "-o", xlsx.toString()));
    }

    @Test
    void anUnknownPacksTemplateExits1() throws Exception {
        assertEquals(Exits.FAILED, run("facts-template", "nowhere"));
        assertTrue(err.toString().contains("nowhere"), err.toString());
    }

    @Test
    void gradingAWorkbookPrintsWhatGradingItsJsonPrints(@TempDir Path dir) throws Exception {
        Path xlsx = workbook("shangqiu", dir.resolve("facts.xlsx"));
        assertEquals(0, run("grade", Fixtures.batch("shangqiu").toString()), err.toString());
        JsonNode fromJson = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("grade", xlsx.toString()), err.toString());
        JsonNode fromSheet = new ObjectMapper().readTree(out.toString());
        assertEquals(fromJson.get("results"), fromSheet.get("results"));
        assertEquals(fromJson.get("summaries"), fromSheet.get("summaries"));
    }

    @Test
    void aWorkbookWithMistakesExits2WithOneLinePerCell(@TempDir Path dir) throws Exception {
        Path xlsx = workbook("shangqiu", dir.resolve("facts.xlsx"));
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            book.getSheet("账号").getRow(1).getCell(2).setCellValue("飞信");
            book.getSheet("发文").getRow(1).getCell(1).setCellValue("2020-12-32");
            try (OutputStream o = Files.newOutputStream(xlsx)) {
                book.write(o);
            }
        }
        assertEquals(Exits.BAD_INPUT, run("grade", xlsx.toString()));
        assertEquals("", out.toString());
        assertTrue(err.toString().contains(xlsx + ": 账号!C2: “飞信”，应为 "), err.toString());
        assertTrue(err.toString().contains(xlsx + ": 发文!B2: “2020-12-32”（没有这一天）"), err.toString());
    }
}
