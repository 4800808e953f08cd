package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a large run written by the real command in a child JVM with a small heap: the
 * workbook streams and the result file is bound as it is read, so the heap holds the run and a
 * few rows, never the whole workbook (which took 5.7 GB for a national run before).
 */
@Tag("slow")
class LargeReportInSmallHeapTest {
    private static final int ACCOUNTS = 20_000;
    private static final String HEAP = "-Xmx128m";
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path dir;

    @Test
    void theReportOfTwentyThousandAccountsIsWrittenIn128Megabytes() throws Exception {
        Path result = dir.resolve("large.json");
        try (Writer w = Files.newBufferedWriter(result, StandardCharsets.UTF_8)) {
            ResultJson.writePretty(w, run(ACCOUNTS));
        }
        Path xlsx = dir.resolve("large.xlsx");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), HEAP, "-cp", System.getProperty("java.class.path"),
                "govgrade.cli.Main", "report", result.toString(), "-o", xlsx.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the report took over " + TIMEOUT_SECONDS + " s");
        }
        String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains(xlsx.toString()), log);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            XSSFSheet sheet = wb.getSheet("政务新媒体");
            // 附件N, title, days checked, header, two group rows, then every account
            assertEquals(ACCOUNTS + 6, sheet.getPhysicalNumberOfRows());
            assertEquals("第19999号账号", sheet.getRow(sheet.getLastRowNum()).getCell(1).getStringCellValue());
        }
    }

    /** A run shaped as the generator's: accounts of townships and departments, half of them ranked. */
    private static GradedRun run(int accounts) {
        List<GradedRun.Result> results = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            boolean failed = i % 7 == 0;
            GradedRun.SubjectRef s = new GradedRun.SubjectRef("account", "acc-" + i, "第" + i + "号账号",
                    i < accounts / 2 ? "township" : "department", "第" + (i % 300) + "区县", "wechat");
            GradedRun.Figures f = new GradedRun.Figures(i % 40, null, null, null, i % 30, new BigDecimal("12.5"),
                    i % 9, i % 11, null, i % 5, i % 3, new BigDecimal("30.4"), LocalDate.of(2020, 12, 1 + i % 30),
                    i % 30);
            results.add(new GradedRun.Result(s, "new-media", failed ? "FAIL" : "PASS", failed ? "不合格" : "合格",
                    BigDecimal.valueOf(60 + i % 40), i + 1,
                    failed ? List.of(new GradedRun.ProblemOut("NO_UPDATE", "监测期内未更新")) : List.of(),
                    List.of(new GradedRun.Because("新媒体：其余合格", Map.of("posts", i % 40, "daysSinceLastUpdate", i % 30))),
                    f));
        }
        List<GradedRun.Summary> summaries = new ArrayList<>();
        for (int r = 0; r < 300; r++) {
            summaries.add(new GradedRun.Summary("第" + r + "区县", "new-media", 67, 10, new BigDecimal("85.1"),
                    Map.of("PASS", 57, "FAIL", 10)));
        }
        return new GradedRun("large", new GradedRun.PackRef("shangqiu", "0123456789abcdef"),
                new GradedRun.PeriodOut(LocalDate.of(2020, 10, 1), LocalDate.of(2020, 12, 31), LocalDate.of(2020, 12, 31)),
                results, summaries);
    }
}
