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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A graded run as an Excel workbook, the way a circular prints its annexes: a 汇总 sheet of pass
 * rates per region, then one sheet per channel the run grades (政务新媒体, 栏目保障, 快讯动态,
 * 政府信息公开, 信息报送, 信息采用), each grouped into townships and departments and ranked. A
 * what-if prints as a 假设分析 sheet of before/after rows.
 *
 * <p>Both methods write a complete .xlsx ({@link #CONTENT_TYPE}) and leave {@code out} open, so
 * an HTTP handler can write straight into its response.
 */
public final class RunReport {
    /** The media type of what {@link #write} and {@link #writeWhatIf} produce. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private RunReport() {
    }

    /** Writes the report of {@code run}: the 汇总 sheet, then a sheet per channel in the run. */
    public static void write(GradedRun run, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            ReportStyles styles = new ReportStyles(wb);
            String heading = heading(run);
            SummarySheet.write(wb, styles, "检查结果汇总　" + heading, run);
            byChannel(run.results()).forEach((channel, results) -> {
                String name = channelName(channel);
                ChannelSheet.write(wb, styles, name, name + "检查结果　" + heading, results);
            });
            wb.write(out);
        }
    }

    /** Writes a workbook holding the 假设分析 sheet of {@code whatIf}. */
    public static void writeWhatIf(WhatIf whatIf, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WhatIfSheet.write(wb, new ReportStyles(wb), whatIf);
            wb.write(out);
        }
    }

    /** What graded, and over which days: "shangqiu 版本 c73d… · 2020-10-01 至 2020-12-31，检查日 2020-12-31". */
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
