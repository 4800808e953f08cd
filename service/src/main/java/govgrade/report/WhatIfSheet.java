package govgrade.report;

import govgrade.rules.Grade;
import govgrade.report.ReportStyles.Kind;
import govgrade.runs.WhatIf;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The 假设分析 sheet: each subject a criteria change would regrade, before and after side by side
 * with every changed value highlighted, then the grade counts before and after.
 */
final class WhatIfSheet {
    static final String NAME = "假设分析";
    static final List<String> HEADERS = List.of("序号", "单位/账号名称", "类型/平台", "检查类别",
            "调整前等级", "调整前排名", "调整前得分", "调整前存在问题",
            "调整后等级", "调整后排名", "调整后得分", "调整后存在问题");
    static final int BEFORE = 4;
    static final int AFTER = 8;
    static final String ABSENT = "（无此项）";

    private WhatIfSheet() {
    }

    static void write(SXSSFWorkbook wb, ReportStyles styles, WhatIf w) {
        String title = NAME + "：" + w.base().id() + " 版本 " + w.base().version() + " → 版本 "
                + w.against().version() + (w.run() == null ? "" : "（运行 " + w.run() + "）");
        TableSheet.Heading heading = new TableSheet.Heading(null, title, null);
        TableSheet.write(wb, NAME, styles, heading, HEADERS, TableSheet.Columns.KEEP_ALL, table -> {
            if (w.changes().isEmpty()) {
                table.spanningRow("按调整后的标准重新评定，各项结果均无变化。", styles.cell(Kind.TEXT));
            }
            int n = 0;
            for (WhatIf.Change c : w.changes()) {
                Row row = table.row();
                table.number(row, 0, ++n, styles.cell(Kind.NUMBER));
                table.text(row, 1, c.subject().name(), styles.cell(Kind.TEXT));
                table.text(row, 2, ChannelSheet.kind(c.subject()), styles.cell(Kind.TEXT));
                table.text(row, 3, RunReport.channelName(c.channel()), styles.cell(Kind.TEXT));
                outcome(table, styles, row, BEFORE, c.before(), null);
                outcome(table, styles, row, AFTER, c.after(), c.before());
            }
            gradeCounts(table, styles, w);
        });
    }

    /** One side of a change; {@code other} is the side it is compared with (null: nothing to highlight). */
    private static void outcome(TableSheet table, ReportStyles styles, Row row, int col, WhatIf.Outcome o,
                                WhatIf.Outcome other) {
        if (o == null) {
            table.text(row, col, ABSENT, styles.cell(Kind.TEXT));
            for (int c = col + 1; c < col + 4; c++) {
                table.text(row, c, null, styles.cell(Kind.TEXT));
            }
            return;
        }
        boolean compare = other != null;
        boolean gradeChanged = compare
                && !(Objects.equals(o.grade(), other.grade()) && Objects.equals(o.label(), other.label()));
        table.text(row, col, GradeLabels.label(o.grade(), o.label()),
                gradeChanged ? styles.changed(Kind.TEXT) : styles.grade(o.grade()));
        table.number(row, col + 1, o.rank(), style(styles, Kind.NUMBER,
                compare && !Objects.equals(o.rank(), other.rank())));
        table.number(row, col + 2, o.score(), style(styles, Kind.NUMBER,
                compare && !sameScore(o.score(), other.score())));
        table.text(row, col + 3, ChannelSheet.problems(o.problems()), style(styles, Kind.WRAPPED,
                compare && !Objects.equals(o.problems(), other.problems())));
    }

    private static void gradeCounts(TableSheet table, ReportStyles styles, WhatIf w) {
        Map<String, Integer> before = w.grades() == null ? Map.of() : w.grades().before();
        Map<String, Integer> after = w.grades() == null ? Map.of() : w.grades().after();
        List<Grade> grades = Arrays.stream(Grade.values())
                .filter(g -> before.containsKey(g.name()) || after.containsKey(g.name())).toList();
        if (grades.isEmpty()) {
            return;
        }
        Map<String, String> labels = GradeLabels.ofChanges(w.changes());
        table.skipRow();
        Row head = table.row();
        List<String> cols = List.of("等级", "调整前数量", "调整后数量", "增减");
        for (int i = 0; i < cols.size(); i++) {
            table.text(head, 1 + i, cols.get(i), styles.header());
        }
        for (Grade g : grades) {
            int b = before.getOrDefault(g.name(), 0);
            int a = after.getOrDefault(g.name(), 0);
            Row row = table.row();
            table.text(row, 1, GradeLabels.heading(g.name(), labels), styles.grade(g.name()));
            table.number(row, 2, b, styles.cell(Kind.NUMBER));
            table.number(row, 3, a, style(styles, Kind.NUMBER, a != b));
            table.number(row, 4, a - b, style(styles, Kind.NUMBER, a != b));
        }
    }

    private static XSSFCellStyle style(ReportStyles styles, Kind kind, boolean changed) {
        return changed ? styles.changed(kind) : styles.cell(kind);
    }

    private static boolean sameScore(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
