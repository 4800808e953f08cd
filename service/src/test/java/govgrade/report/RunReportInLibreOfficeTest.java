package govgrade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.OfficeSuite;
import govgrade.grading.GradedRun;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report opened by another program than the one that wrote it: LibreOffice prints the
 * Shangqiu report to PDF. Skipped where LibreOffice is not installed (CI installs it).
 */
@org.junit.jupiter.api.Tag("office")
class RunReportInLibreOfficeTest {
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void libreOfficePrintsTheShangqiuReportWithEveryRegionsPassRateTheCountyAndPageNumbers() throws Exception {
        Path office = OfficeSuite.require();
        GradedRun run = Fixtures.grade("shangqiu");
        Path xlsx = dir.resolve("shangqiu.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            RunReport.write(run, out);
        }
        Path pdf = OfficeSuite.convert(office, xlsx, "pdf", dir);

        int pages = pages(pdf);
        assertTrue(pages >= 2, "one page at least for 汇总 and one for 政务新媒体, got " + pages);
        Optional<String> text = text(pdf);
        if (text.isPresent()) {
            String shown = text.get().replaceAll("\\s+", " ");
            for (GradedRun.Summary s : run.summaries()) {
                assertTrue(shown.contains(s.region()) && shown.contains(s.passRate().toPlainString() + "%"),
                        s.region() + " " + s.passRate() + "% not printed: " + shown);
            }
            // The county as its circular writes it, not the pack's id; the annexes numbered.
            for (String words : List.of("附件1", "商丘市2020年第四季度检查结果汇总", "附件2",
                    "商丘市2020年第四季度政务新媒体检查结果", "（检查时间：2020年10月1日至12月31日）", "2020年12月8日")) {
                assertTrue(shown.replace(" ", "").contains(words.replace(" ", "")), words + " not printed: " + shown);
            }
            assertTrue(!shown.contains("shangqiu"), "the pack's id is not printed: " + shown);
            // Each page's footer, numbered over the whole workbook as LibreOffice counts the pages
            // (pdftotext drops the spaces between Chinese characters, so they are compared without).
            String packed = shown.replace(" ", "");
            for (int page = 1; page <= pages; page++) {
                assertTrue(packed.contains("第" + page + "页共" + pages + "页"), "page " + page + " of " + pages
                        + " has no page number: " + shown);
            }
        }
    }

    /** Pages by pdfinfo where installed, else by the page objects in the file. */
    private int pages(Path pdf) throws Exception {
        Optional<String> info = run("pdfinfo", pdf.toString());
        if (info.isPresent()) {
            Matcher m = Pattern.compile("(?m)^Pages:\\s+(\\d+)").matcher(info.get());
            assertTrue(m.find(), info.get());
            return Integer.parseInt(m.group(1));
        }
        String raw = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        return (int) Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(raw).results().count();
    }

    /** The PDF's text by pdftotext where installed. */
    private Optional<String> text(Path pdf) throws Exception {
        return run("pdftotext", "-layout", pdf.toString(), "-");
    }

    private Optional<String> run(String tool, String... args) throws Exception {
        Optional<Path> exe = onPath(tool);
        if (exe.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = Stream.concat(Stream.of(exe.get().toString()), Stream.of(args)).toList();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), tool + " timed out");
        assertEquals(0, p.exitValue(), tool + ": " + out);
        return Optional.of(out);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(d -> Path.of(d, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
