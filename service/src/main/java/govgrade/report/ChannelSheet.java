package govgrade.report;

import govgrade.facts.Platform;
import govgrade.grading.GradedRun;
import govgrade.report.ReportStyles.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The annex table of one channel: townships, then departments, each under its own group row and
 * listed by rank (unranked last), with counts, score, rank, grade and problems. The group rows
 * say which group a subject is in, so no column repeats it; a column no subject has a value in
 * (scores where the circular only grades, problems where none was found) is not printed.
 */
final class ChannelSheet {
    /** Groups in the order circulars print them; results with no group come last. */
    private static final List<String> GROUP_ORDER = List.of("township", "department");
    private static final Map<String, String> GROUP_HEADINGS = Map.of(
            "township", "乡镇（街道）", "department", "部门（单位）");
    private static final String NO_GROUP = "其他";
    static final String PROBLEM_SEPARATOR = "；";

    private ChannelSheet() {
    }

    static void write(SXSSFWorkbook wb, ReportStyles styles, String sheetName, TableSheet.Heading heading,
                      List<GradedRun.Result> results) {
        List<CountColumns.Column> counts = CountColumns.of(results);
        List<String> headers = new ArrayList<>(List.of("序号", nameHeader(results), "平台", "地区"));
        counts.forEach(c -> headers.add(c.header()));
        headers.addAll(List.of("得分", "排名", "等级", "存在问题"));
        Map<String, List<GradedRun.Result>> groups = byGroup(results);
        // A sheet with no groups at all (accounts no unit owns) needs no group row to say so.
        boolean headed = !(groups.size() == 1 && groups.containsKey(null));
        TableSheet.write(wb, sheetName, styles, heading, headers, TableSheet.Columns.DROP_EMPTY, table -> {
            for (var g : groups.entrySet()) {
                if (headed) {
                    table.spanningRow(g.getKey() == null ? NO_GROUP
                            : GROUP_HEADINGS.getOrDefault(g.getKey(), g.getKey()), styles.group());
                }
                int n = 0;
                for (GradedRun.Result r : g.getValue()) {
                    row(table, styles, ++n, r, counts);
                }
            }
        });
    }

    private static void row(TableSheet table, ReportStyles styles, int n, GradedRun.Result r,
                            List<CountColumns.Column> counts) {
        Row row = table.row();
        GradedRun.SubjectRef s = r.subject();
        int c = 0;
        table.number(row, c++, n, styles.cell(Kind.NUMBER));
        table.text(row, c++, s.name(), styles.cell(Kind.TEXT));
        // A unit has no platform: on a sheet of units the column is empty and not printed.
        table.text(row, c++, "account".equals(s.type()) ? kind(s) : null, styles.cell(Kind.TEXT));
        table.text(row, c++, s.region(), styles.cell(Kind.TEXT));
        for (CountColumns.Column col : counts) {
            Object v = CountColumns.value(r, col);
            if (v instanceof BigDecimal d) {
                table.number(row, c++, d, styles.cell(Kind.NUMBER));
            } else if (v instanceof LocalDate d) {
                table.date(row, c++, d, styles.cell(Kind.DATE));
            } else {
                table.text(row, c++, (String) v, styles.cell(Kind.TEXT));
            }
        }
        table.number(row, c++, r.score(), styles.cell(Kind.NUMBER));
        table.number(row, c++, r.rank(), styles.cell(Kind.NUMBER));
        table.text(row, c++, GradeLabels.label(r.grade(), r.label()), styles.grade(r.grade()));
        table.text(row, c, problems(r.problems()), styles.cell(Kind.WRAPPED));
    }

    /** 单位 over a table of units, 账号名称 over one of accounts, both where a channel has both. */
    static String nameHeader(List<GradedRun.Result> results) {
        boolean accounts = results.stream().anyMatch(r -> "account".equals(r.subject().type()));
        boolean units = results.stream().anyMatch(r -> !"account".equals(r.subject().type()));
        return accounts && units ? "单位/账号名称" : accounts ? "账号名称" : "单位";
    }

    /** A unit is a 单位; an account is named by its platform as a circular prints it. */
    static String kind(GradedRun.SubjectRef s) {
        if (!"account".equals(s.type())) {
            return "单位";
        }
        if (s.platform() == null) {
            return "政务新媒体";
        }
        try {
            return Platform.parse(s.platform()).chineseName();
        } catch (IllegalArgumentException e) {
            return s.platform(); // a result written by a newer version may know more platforms
        }
    }

    static String problems(List<GradedRun.ProblemOut> problems) {
        if (problems == null || problems.isEmpty()) {
            return null;
        }
        return problems.stream().map(GradedRun.ProblemOut::label).collect(Collectors.joining(PROBLEM_SEPARATOR));
    }

    /** Results by group in print order; within a group by rank, unranked last, otherwise as given. */
    static Map<String, List<GradedRun.Result>> byGroup(List<GradedRun.Result> results) {
        Map<String, List<GradedRun.Result>> out = new LinkedHashMap<>();
        GROUP_ORDER.forEach(g -> out.put(g, new ArrayList<>()));
        for (GradedRun.Result r : results) {
            out.computeIfAbsent(r.subject().group(), k -> new ArrayList<>()).add(r);
        }
        // A group no result belongs to prints nothing; one this version does not know prints before 其他.
        List<GradedRun.Result> none = out.remove(null);
        out.values().removeIf(List::isEmpty);
        if (none != null) {
            out.put(null, none);
        }
        Comparator<GradedRun.Result> byRank = Comparator.comparing(GradedRun.Result::rank,
                Comparator.nullsLast(Comparator.naturalOrder()));
        out.values().forEach(l -> l.sort(byRank));
        return out;
    }
}
