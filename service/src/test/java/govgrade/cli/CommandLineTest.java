package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import govgrade.packs.PackCopy;
import govgrade.runs.WhatIf;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void gradePrintsTheGradedResultAsJsonAndNothingElse() throws Exception {
        assertEquals(0, run("grade", Fixtures.batch("shangqiu").toString()));
        JsonNode run = new ObjectMapper().readTree(out.toString());
        assertEquals("shangqiu", run.at("/pack/id").asText());
        assertEquals(16, run.at("/pack/version").asText().length());
        assertEquals(20, run.get("results").size());
        assertEquals("2020-12-31", run.at("/period/checkDate").asText());
        JsonNode first = run.get("results").get(0);
        for (String field : List.of("subject", "channel", "grade", "label", "score", "rank", "problems", "because")) {
            assertTrue(first.has(field), "result field " + field);
        }
        assertTrue(run.get("run").asText().startsWith("local-"));
    }

    @Test
    void serveNamesAnOptionOutOfRangeBeforeAnythingStarts(@TempDir Path dir) {
        assertEquals(2, run("serve", "--port", "70000", "--db", dir.resolve("g.db").toString()));
        assertTrue(err.toString().contains("port 70000 is not 0-65535"), err.toString());
        assertFalse(Files.exists(dir.resolve("g.db")), "no database is opened for settings that do not hold");
    }

    @Test
    void serveNamesAReloadModeThatIsNeitherDirectNorReview(@TempDir Path dir) {
        assertEquals(2, run("serve", "--reload", "sideways", "--db", dir.resolve("g.db").toString()));
        assertTrue(err.toString().contains("direct or review"), err.toString());
    }

    @Test
    void serveNamesAStoreCodecThatIsNeitherZstdNorGzipBeforeAnythingStarts(@TempDir Path dir) {
        assertEquals(2, run("serve", "--store-codec", "brotli", "--db", dir.resolve("g.db").toString()));
        assertTrue(err.toString().contains("\"brotli\" is not zstd or gzip"), err.toString());
        assertFalse(Files.exists(dir.resolve("g.db")), "no database is opened for settings that do not hold");
    }

    @Test
    void serveRefusesAHomeThatIsNoFolder(@TempDir Path dir) {
        assertEquals(2, run("serve", "--home", dir.resolve("missing").toString(), "--db", dir.resolve("g.db").toString()));
        assertTrue(err.toString().contains("is not a folder"), err.toString());
    }

    @Test
    void gradingTheSameFileTwiceGivesTheSameOutput() throws Exception {
        run("grade", Fixtures.batch("meixian").toString());
        String first = out.toString();
        out.getBuffer().setLength(0);
        run("grade", Fixtures.batch("meixian").toString());
        assertEquals(first, out.toString());
    }

    @Test
    void aBadBatchExitsNonZeroWithEachErrorAtItsPathOnStandardError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        String json = Files.readString(Fixtures.batch("shangqiu"))
                .replace("\"2020-12-26\"", "\"2020-12-32\"")
                .replace("\"platform\": \"微博\"", "\"platform\": \"飞信\"");
        Files.writeString(bad, json, StandardCharsets.UTF_8);
        assertEquals(BatchFile.BAD_BATCH, run("grade", bad.toString()));
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("accounts[1].posts[0].date: found \"2020-12-32\""), err.toString());
        // A bad date no longer stops checking: the unknown platforms are listed too.
        assertTrue(err.toString().contains(".platform: found unknown platform \"飞信\""), err.toString());
    }

    @Test
    void aBatchOverALimitExitsNonZeroNamingTheOptionThatRaisesIt(@TempDir Path dir) throws Exception {
        Path over = dir.resolve("over.json");
        Files.writeString(over, Files.readString(Fixtures.batch("shangqiu")), StandardCharsets.UTF_8);
        assertEquals(BatchFile.BAD_BATCH, run("grade", "--max-accounts", "3", over.toString()));
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("over a limit") && err.toString().contains("--max-accounts"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(0, run("grade", "--max-accounts", "1000", over.toString()), err.toString());
    }

    @Test
    void anUnknownPackExitsNonZero(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("b.json");
        Files.writeString(batch, Files.readString(Fixtures.batch("shangnan")).replace("\"shangnan\"", "\"nowhere\""));
        assertEquals(BatchFile.BAD_PACK, run("grade", batch.toString()));
        assertTrue(err.toString().contains("unknown pack \"nowhere\""), err.toString());
    }

    @Test
    void packTestsPassForTheBundledPacksAndNameEachPublishedFigureAnEditedPackDiffersFrom(@TempDir Path home)
            throws Exception {
        assertEquals(0, run("test"));
        assertTrue(out.toString().contains("72 published figures in 1 fixture(s): 68 reproduced, 4 known differences, "
                + "none differs from the published figures"), out.toString());
        PackCopy.copy("shangqiu", home);
        java.nio.file.Files.createDirectories(home.resolve("fixtures"));
        copyDir(Path.of("fixtures", "shangqiu"), home.resolve("fixtures").resolve("shangqiu"));
        PackCopy.editWorkbook(home.resolve("decision-tables/shangqiu/shangqiu.xlsx"),
                wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(30));
        out.getBuffer().setLength(0);
        assertEquals(1, run("test", "shangqiu", "--home", home.toString()));
        // 23 days since the last update: published 不合格, at 30 days passes; its problem goes too.
        assertTrue(out.toString().contains("differs: shangqiu-a1 梁园市场监管 [new-media] grade: published FAIL, "
                + "this version PASS"), out.toString());
        // Without the service's database there is no version to have changed: only what differs is said.
        assertTrue(out.toString().contains("DIFFER from the published figures"), out.toString());
        assertFalse(out.toString().contains("CHANGED"), out.toString());
    }

    @Test
    void reconcileListsWhereTheCircularDiffersFromTheWrittenRuleWithTheRuleThatDecided() {
        assertEquals(0, run("reconcile", Fixtures.batch("meixian").toString(), "fixtures/meixian/meixian.expected.json"));
        String text = out.toString();
        assertTrue(text.contains("72 published figures, 68 as the written rule gives, 4 differ"), text);
        assertTrue(text.contains("县医保局 [columns] grade: published FAIL, written rule PASS"), text);
        assertTrue(text.contains("rule 栏目：其余合格: updates=6, due=4.0833"), text);
    }

    private static void copyDir(Path from, Path to) throws Exception {
        java.nio.file.Files.createDirectories(to);
        try (var s = java.nio.file.Files.list(from)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                java.nio.file.Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void validateListsTheFivePacksWithTheirVersions() {
        assertEquals(0, run("validate"));
        for (String pack : Fixtures.PACKS) {
            assertTrue(out.toString().matches("(?s).*" + pack + " +version [0-9a-f]{16}  ok.*"), out.toString());
        }
    }

    @Test
    void validateExitsNonZeroAndNamesTheCellOfABrokenTable(@TempDir Path home) throws Exception {
        PackCopy.copy("shangqiu", home);
        PackCopy.editWorkbook(home.resolve("decision-tables/shangqiu/shangqiu.xlsx"),
                wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue("十四"));
        assertEquals(1, run("validate", "shangqiu", "--home", home.toString()));
        assertTrue(out.toString().contains("decision-tables/shangqiu/shangqiu.xlsx [参数!C"), out.toString());
        assertTrue(out.toString().contains("十四"), out.toString());
    }

    @Test
    void validateExitsNonZeroForATableThatCompilesButCannotGrade(@TempDir Path home) throws Exception {
        PackCopy.copy("shangqiu", home);
        PackCopy.editWorkbook(home.resolve("decision-tables/shangqiu/shangqiu.xlsx"),
                wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(5.5));
        assertEquals(1, run("validate", "shangqiu", "--home", home.toString()));
        assertTrue(out.toString().contains("shangqiu") && !out.toString().contains(" ok ("), out.toString());
    }

    @Nested
    class Report {

        private XSSFWorkbook open(Path xlsx) throws Exception {
            try (InputStream in = Files.newInputStream(xlsx)) {
                return new XSSFWorkbook(in);
            }
        }

        /** Row 2, under 附件N. */
        private String title(XSSFWorkbook wb, String sheet) {
            return wb.getSheet(sheet).getRow(1).getCell(0).getStringCellValue();
        }

        /** What graded: the workbook's subject, not printed on the annexes. */
        private String graded(XSSFWorkbook wb) {
            return wb.getProperties().getCoreProperties().getSubject();
        }

        @Test
        void gradesABatchAsGradeDoesAndWritesTheWorkbookBesideIt(@TempDir Path dir) throws Exception {
            Path batch = Files.copy(Fixtures.batch("shangqiu"), dir.resolve("shangqiu.json"));
            assertEquals(0, run("grade", batch.toString()));
            String version = new ObjectMapper().readTree(out.toString()).at("/pack/version").asText();
            out.getBuffer().setLength(0);

            assertEquals(0, run("report", batch.toString()), err.toString());
            Path xlsx = dir.resolve("shangqiu.xlsx");
            assertEquals(xlsx.toString(), out.toString().trim());
            try (XSSFWorkbook wb = open(xlsx)) {
                assertEquals(List.of("汇总", "政务新媒体"), List.of(wb.getSheetName(0), wb.getSheetName(1)));
                assertEquals("商丘市2020年第四季度政务新媒体检查结果", title(wb, "政务新媒体"));
                assertTrue(graded(wb).startsWith("shangqiu 版本 " + version), graded(wb));
            }
        }

        @Test
        void reportsAGradedResultFileAsItIsWithoutRegrading(@TempDir Path dir) throws Exception {
            assertEquals(0, run("grade", Fixtures.batch("shangnan").toString()));
            Path result = dir.resolve("result.json");
            Files.writeString(result, out.toString().replaceFirst("\"version\" : \"[0-9a-f]{16}\"",
                    "\"version\" : \"as-stored\""), StandardCharsets.UTF_8);
            out.getBuffer().setLength(0);
            Path xlsx = dir.resolve("annex.xlsx");
            assertEquals(0, run("report", result.toString(), "-o", xlsx.toString()), err.toString());
            try (XSSFWorkbook wb = open(xlsx)) {
                assertTrue(graded(wb).startsWith("shangnan 版本 as-stored"), graded(wb));
                assertEquals("商南县2021年第二季度信息报送检查结果", title(wb, "信息报送"), "the county the result file carries");
            }
        }

        @Test
        void reportsAWhatIfAnswerAsABeforeAndAfterSheet(@TempDir Path dir) throws Exception {
            GradedRun run = Fixtures.grade("meixian");
            Path answer = dir.resolve("whatif.json");
            Files.write(answer, ResultJson.mapper().writeValueAsBytes(WhatIf.between("w1", run, run)));
            assertEquals(0, run("report", answer.toString()), err.toString());
            try (XSSFWorkbook wb = open(dir.resolve("whatif.xlsx"))) {
                assertEquals("假设分析", wb.getSheetName(0));
            }
        }

        @Test
        void aBadBatchExitsNonZeroWithItsErrorsAndWritesNothing(@TempDir Path dir) throws Exception {
            Path bad = dir.resolve("bad.json");
            Files.writeString(bad, Files.readString(Fixtures.batch("shangqiu")).replace("\"2020-12-26\"", "\"2020-12-32\""),
                    StandardCharsets.UTF_8);
            assertEquals(BatchFile.BAD_BATCH, run("report", bad.toString()));
            assertTrue(err.toString().contains("accounts[1].posts[0].date: found \"2020-12-32\""), err.toString());
            assertFalse(Files.exists(dir.resolve("bad.xlsx")));
        }
    }
}
