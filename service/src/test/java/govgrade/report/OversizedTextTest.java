package govgrade.report;

import static govgrade.report.ReportSheets.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text past what Excel can hold (32,767 characters a cell, 31 a sheet name) still gives a report,
 * cut where the reader sees it; and the streamed workbook's temporary files never outlive it.
 */
class OversizedTextTest {
    private static final String LONG_NAME = "某".repeat(40_000);

    @Test
    void aSubjectNameOverTheCellLimitIsCutWithAnEllipsis() throws Exception {
        GradedRun run = Fixtures.grade("shangqiu");
        GradedRun.Result first = run.results().get(0);
        GradedRun named = withResults(run, replaceFirst(run.results(), withName(first, LONG_NAME)));
        try (XSSFWorkbook wb = report(named)) {
            Sheet sheet = wb.getSheet(RunReport.channelName(first.channel()));
            String shown = sheet.getRow(rowOfTheLongName(sheet)).getCell(1).getStringCellValue();
            assertEquals(TableSheet.MAX_TEXT, shown.length());
            assertTrue(shown.startsWith("某某某") && shown.endsWith("…"), shown.substring(shown.length() - 5));
        }
    }

    @Test
    void aTitleOverTheCellLimitIsCutToo() throws Exception {
        GradedRun run = Fixtures.grade("meixian");
        // A result file may carry any name: the pack checks only what a pack says.
        GradedRun huge = new GradedRun(run.run(), new GradedRun.PackRef(LONG_NAME, run.pack().version()),
                run.period(), run.results(), run.summaries(), run.report().withDisplayName(LONG_NAME));
        try (XSSFWorkbook wb = report(huge)) {
            for (Sheet sheet : wb) {
                String title = sheet.getRow(TableSheet.TITLE_ROW).getCell(0).getStringCellValue();
                assertEquals(TableSheet.MAX_TEXT, title.length(), sheet.getSheetName());
                assertTrue(title.endsWith("…"));
            }
        }
    }

    @Test
    void channelsWhoseNamesCutToTheSameSheetNameEachGetTheirOwnSheet() throws Exception {
        GradedRun run = Fixtures.grade("shangqiu");
        List<GradedRun.Result> results = new ArrayList<>(run.results());
        // Three codes this version does not know: two alike in their first 31 characters, one
        // the summary's own name in another case of Latin letters would clash with: 汇总.
        for (String code : List.of("x".repeat(40) + "a", "X".repeat(40) + "b", SummarySheet.NAME)) {
            results.add(withChannel(run.results().get(0), code));
        }
        try (XSSFWorkbook wb = report(withResults(run, results))) {
            List<String> names = StreamSupport.stream(wb.spliterator(), false).map(Sheet::getSheetName).toList();
            Set<String> folded = new HashSet<>();
            names.forEach(n -> folded.add(n.toLowerCase(Locale.ROOT)));
            assertEquals(names.size(), folded.size(), "no two sheets alike but for case: " + names);
            assertEquals(5, names.size(), names.toString());
            assertTrue(names.stream().allMatch(n -> n.length() <= 31), names.toString());
            assertTrue(names.contains("x".repeat(31)) && names.contains("X".repeat(27) + " (2)")
                    && names.contains(SummarySheet.NAME + " (2)"), names.toString());
        }
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String text = "a".repeat(TableSheet.MAX_TEXT - 2) + "😀".repeat(10);
        String cut = TableSheet.cut(text);
        assertTrue(cut.length() <= TableSheet.MAX_TEXT);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 2)), "no half of 😀 before the ellipsis");
        assertEquals("short", TableSheet.cut("short"));
    }

    @Test
    void theTemporaryFilesAreGoneOnceTheReportIsClosedWrittenOrNot(@TempDir Path dir) throws Exception {
        GradedRun run = Fixtures.grade("meixian");
        Path temp = Files.createDirectories(dir.resolve("poi"));
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(temp.toFile()));
        try {
            try (RunReport report = RunReport.of(run); OutputStream out = Files.newOutputStream(dir.resolve("r.xlsx"))) {
                assertTrue(count(temp) > 0, "rows wait in temporary files while the report is open");
                report.writeTo(out);
            }
            assertEquals(0, count(temp));
            try (RunReport unsent = RunReport.of(run)) {
                assertTrue(count(temp) > 0);
            }
            assertEquals(0, count(temp), "a report laid out and never sent leaves nothing behind");
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static int rowOfTheLongName(Sheet sheet) {
        for (int i = 2; i <= sheet.getLastRowNum(); i++) {
            var cell = sheet.getRow(i).getCell(1);
            if (cell != null && cell.getStringCellValue().startsWith("某某某")) {
                return i;
            }
        }
        throw new AssertionError("no row holds the long name");
    }

    private static GradedRun withResults(GradedRun run, List<GradedRun.Result> results) {
        return new GradedRun(run.run(), run.pack(), run.period(), results, run.summaries());
    }

    private static List<GradedRun.Result> replaceFirst(List<GradedRun.Result> results, GradedRun.Result first) {
        List<GradedRun.Result> out = new ArrayList<>(results);
        out.set(0, first);
        return out;
    }

    private static GradedRun.Result withName(GradedRun.Result r, String name) {
        GradedRun.SubjectRef s = r.subject();
        return new GradedRun.Result(new GradedRun.SubjectRef(s.type(), s.id(), name, s.group(), s.region(), s.platform()),
                r.channel(), r.grade(), r.label(), r.score(), r.rank(), r.problems(), r.because(), r.figures());
    }

    private static GradedRun.Result withChannel(GradedRun.Result r, String channel) {
        return new GradedRun.Result(r.subject(), channel, r.grade(), r.label(), r.score(), r.rank(), r.problems(),
                r.because(), r.figures());
    }
}
