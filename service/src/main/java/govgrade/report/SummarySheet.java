package govgrade.report;

import govgrade.grading.GradedRun;
import govgrade.rules.Grade;
import govgrade.report.ReportStyles.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The 汇总 sheet: per region and channel, as the run's summaries give them, accounts or units
 * checked, failed, the pass rate (a percent with one decimal, stored as a fraction so it sums and
 * charts as a number) and how many got each grade.
 */
final class SummarySheet {
    static final String NAME = "汇总";
    static final int PASS_RATE_COLUMN = 4;

    private SummarySheet() {
    }

    static void write(SXSSFWorkbook wb, ReportStyles styles, Wording words, TableSheet.Heading heading, GradedRun run) {
        List<Grade> grades = gradesIn(run.summaries());
        Map<String, String> labels = GradeLabels.of(run.results());
        List<String> headers = new ArrayList<>(List.of("地区", "检查类别", "检查数", "不合格数", "合格率"));
        grades.forEach(g -> headers.add(GradeLabels.heading(g.name(), labels)));
        TableSheet.write(wb, words.summarySheet(), styles, heading, headers, TableSheet.Columns.DROP_EMPTY, table -> {
            if (run.summaries().isEmpty()) {
                // Ranked counts alone (e.g. Luoshan's disclosure tables) have no grades to summarise.
                table.spanningRow("本次检查未评定等级，无合格率可汇总。", styles.cell(Kind.TEXT));
            }
            for (GradedRun.Summary s : run.summaries()) {
                Row row = table.row();
                table.text(row, 0, s.region(), styles.cell(Kind.TEXT));
                table.text(row, 1, words.channel(s.channel()), styles.cell(Kind.TEXT));
                table.number(row, 2, s.checked(), styles.cell(Kind.NUMBER));
                table.number(row, 3, s.failed(), styles.cell(Kind.NUMBER));
                table.percent(row, PASS_RATE_COLUMN, s.passRate(), styles.cell(Kind.PERCENT));
                int c = PASS_RATE_COLUMN + 1;
                for (Grade g : grades) {
                    table.number(row, c++, s.grades() == null ? null : s.grades().getOrDefault(g.name(), 0),
                            styles.cell(Kind.NUMBER));
                }
            }
        });
    }

    private static List<Grade> gradesIn(List<GradedRun.Summary> summaries) {
        return Arrays.stream(Grade.values())
                .filter(g -> summaries.stream().anyMatch(s -> s.grades() != null && s.grades().containsKey(g.name())))
                .toList();
    }
}
