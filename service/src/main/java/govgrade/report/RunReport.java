package govgrade.report;

import govgrade.facts.Channel;
import govgrade.grading.GradedRun;
import govgrade.runs.WhatIf;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A graded run as an Excel workbook, the way a circular prints its annexes: a 汇总 sheet of pass
 * rates per region, then one sheet per channel the run grades (政务新媒体, 栏目保障, 快讯动态,
 * 政府信息公开, 信息报送, 信息采用), each grouped into townships and departments and ranked. A
 * what-if prints as a 假设分析 sheet of before/after rows.
 *
 * <p>The workbook streams (POI's SXSSF): rows wait in compressed temporary files, a hundred per
 * sheet in memory at most, so the report of a national run of 150,000 accounts is written in a
 * small heap. {@link #of} and {@link #ofWhatIf} lay a report out without writing a byte of it,
 * so a sender (an HTTP handler) learns of any failure before it has answered; {@link #write}
 * and {@link #writeWhatIf} do both. Close what {@code of} returns: that removes the files.
 */
public final class RunReport implements AutoCloseable {
    /** The media type of what {@link #writeTo} produces. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows kept in memory per sheet; a table never looks back further than the row it writes. */
    private static final int ROW_WINDOW = 100;
    private static final int MAX_PROPERTY = 255;

    private final SXSSFWorkbook wb;

    private RunReport(SXSSFWorkbook wb) {
        this.wb = wb;
    }

    /**
     * The report of {@code run} laid out: the 汇总 sheet, then a sheet per channel in the run,
     * named and titled in the words the run's pack gives them ({@link GradedRun#report()}), each
     * numbered as an annex (附件1, 附件2 ...) and titled with the county and the period.
     */
    public static RunReport of(GradedRun run) {
        return laid(wb -> annexes(wb, run));
    }

    /** A workbook holding the 假设分析 sheet of {@code whatIf}, laid out. */
    public static RunReport ofWhatIf(WhatIf whatIf) {
        return laid(wb -> WhatIfSheet.write(wb, new ReportStyles(wb.getXSSFWorkbook()), whatIf));
    }

    /** Writes the report of {@code run} to {@code out}, which is left open. */
    public static void write(GradedRun run, OutputStream out) throws IOException {
        try (RunReport report = of(run)) {
            report.writeTo(out);
        }
    }

    /** Writes the 假设分析 workbook of {@code whatIf} to {@code out}, which is left open. */
    public static void writeWhatIf(WhatIf whatIf, OutputStream out) throws IOException {
        try (RunReport report = ofWhatIf(whatIf)) {
            report.writeTo(out);
        }
    }

    /** The complete .xlsx to {@code out}, which is left open. */
    public void writeTo(OutputStream out) throws IOException {
        wb.write(out);
    }

    /** Removes the temporary files, whether the workbook was written or not. */
    @Override
    public void close() throws IOException {
        try {
            wb.dispose();
        } finally {
            wb.close();
        }
    }

    private static void annexes(SXSSFWorkbook wb, GradedRun run) {
        ReportStyles styles = new ReportStyles(wb.getXSSFWorkbook());
        Wording words = new Wording(run.report());
        AnnexHeading heading = AnnexHeading.of(run);
        Map<String, List<GradedRun.Result>> channels = byChannel(run.results());
        int annex = 0;
        // Counts without grades (Luoshan's, Wuding's) have no pass rate: a circular prints no empty annex.
        if (!run.summaries().isEmpty() || channels.isEmpty()) {
            SummarySheet.write(wb, styles, words, heading.annex(++annex, words.summaryTitle()), run);
        }
        for (var c : channels.entrySet()) {
            ChannelSheet.write(wb, styles, words.channel(c.getKey()),
                    heading.annex(++annex, words.channelTitle(c.getKey())), c.getValue());
        }
        // What graded stays with the file without being printed on an annex a county sends out.
        POIXMLProperties.CoreProperties core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setTitle(brief(words.summaryTitle()));
        core.setSubjectProperty(brief(heading(run)));
        core.setCreator("govgrade");
    }

    private static RunReport laid(Consumer<SXSSFWorkbook> sheets) {
        // Inline strings: a shared-strings table would hold every name of the run in memory.
        SXSSFWorkbook wb = new SXSSFWorkbook(null, ROW_WINDOW, true, false);
        try {
            sheets.accept(wb);
            return new RunReport(wb);
        } catch (RuntimeException | Error e) {
            wb.dispose();
            throw e;
        }
    }

    /**
     * What graded, and over which days: "shangqiu 版本 c73d… · 2020-10-01 至 2020-12-31，检查日 2020-12-31";
     * the workbook's subject (its properties), where a reader of the file finds the version.
     */
    static String heading(GradedRun run) {
        StringBuilder s = new StringBuilder();
        if (run.pack() != null) {
            s.append(run.pack().id()).append(" 版本 ").append(run.pack().version());
        }
        GradedRun.PeriodOut p = run.period();
        if (p != null) {
            s.append(" · ").append(p.from()).append(" 至 ").append(p.to());
            if (p.checkDate() != null) {
                s.append("，检查日 ").append(p.checkDate());
            }
        }
        return s.toString();
    }

    /**
     * A property as a reader of the file is shown it. A result file may carry a name of any length,
     * and POI refuses, as a zip bomb, a workbook whose properties inflate a hundredfold.
     */
    private static String brief(String text) {
        if (text.length() <= MAX_PROPERTY) {
            return text;
        }
        int end = MAX_PROPERTY - 1;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + TableSheet.CUT;
    }

    /** The sheet and column name of a channel; a code this version does not know stands as it is. */
    static String channelName(String code) {
        try {
            return Channel.parse(code).chineseName();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** Results per channel, channels in the order a circular prints them, results in run order. */
    private static Map<String, List<GradedRun.Result>> byChannel(List<GradedRun.Result> results) {
        Map<String, List<GradedRun.Result>> out = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            out.put(c.code(), new ArrayList<>());
        }
        for (GradedRun.Result r : results) {
            out.computeIfAbsent(r.channel(), k -> new ArrayList<>()).add(r);
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }
}
