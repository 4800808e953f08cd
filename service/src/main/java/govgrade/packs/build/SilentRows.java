package govgrade.packs.build;

import govgrade.packs.PackError;
import govgrade.packs.PackSource;
import govgrade.packs.tables.RuleWorkbook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Warnings, not errors, for rows of a pack's tables that change nothing: a parameter no rule
 * reads, a problem no rule can produce, a problem grade while no rule applies vetoes. An officer
 * who edits such a cell sees the pack validate and the results stay the same; the warning says
 * why, at the cell. "Read" is judged from the text of the pack's DRL, the library files it
 * includes and its own rule tables (not the criteria sheets), comments aside: a rule naming the
 * key as a string literal reads it.
 */
public final class SilentRows {
    private static final String NUMBER = "Criterion.number(";
    private static final String PROBLEM_LABEL = "Criterion.problemLabel(";
    private static final String PROBLEM_GRADE = "Criterion.problemGrade(";
    /** A rule that turns inspectors' findings into problems by the table: any problem row may be one. */
    private static final String PASSTHROUGH = "hasProblem(";
    private static final String VETO = "vetoGrade(";

    private SilentRows() {
    }

    /** The warnings for {@code src}, each at its file, sheet and cell; none for a workbook that cannot be read. */
    public static List<PackError> of(PackSource src) {
        StringBuilder code = new StringBuilder();
        src.files().forEach((path, bytes) -> {
            if (path.toLowerCase(Locale.ROOT).endsWith(".drl")) {
                code.append(ReferenceCheck.blankComments(new String(bytes, StandardCharsets.UTF_8))).append('\n');
            }
        });
        List<String> files = new ArrayList<>();
        List<RuleWorkbook> workbooks = new ArrayList<>();
        src.files().forEach((path, bytes) -> {
            if (PackSource.isWorkbook(path)) {
                try {
                    RuleWorkbook wb = RuleWorkbook.read(new ByteArrayInputStream(bytes));
                    files.add(path);
                    workbooks.add(wb);
                    code.append(tableRules(wb));
                } catch (IOException e) {
                    // Not a workbook: the build says so as an error.
                }
            }
        });
        String drl = code.toString();
        List<PackError> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            out.addAll(check(files.get(i), workbooks.get(i), drl));
        }
        return out;
    }

    /**
     * The rules a workbook's own rule tables make (a band or deduction table may give a problem or
     * read a parameter), criteria sheets aside: their rules name every key, which would count every
     * row as read.
     */
    private static String tableRules(RuleWorkbook wb) {
        StringBuilder out = new StringBuilder();
        for (String sheet : wb.ruleSheets()) {
            try {
                String generated = wb.drl(sheet);
                if (!generated.contains("Criterion.")) {
                    out.append(ReferenceCheck.blankComments(generated)).append('\n');
                }
            } catch (RuntimeException e) {
                // A sheet Drools cannot turn into rules: the build says where.
            }
        }
        return out.toString();
    }

    private static List<PackError> check(String file, RuleWorkbook wb, String drl) {
        List<PackError> out = new ArrayList<>();
        boolean passthrough = drl.contains(PASSTHROUGH);
        boolean vetoes = drl.contains(VETO);
        for (RuleWorkbook.Table t : wb.tables()) {
            Optional<RuleWorkbook.ColumnSpec> name = t.nameColumn();
            if (name.isEmpty()) {
                continue;
            }
            Optional<RuleWorkbook.ColumnSpec> number = column(t, NUMBER);
            Optional<RuleWorkbook.ColumnSpec> label = column(t, PROBLEM_LABEL);
            Optional<RuleWorkbook.ColumnSpec> grade = column(t, PROBLEM_GRADE);
            for (RuleWorkbook.DataRow r : t.rows()) {
                String key = r.cells().get(name.get().col());
                if (key == null) {
                    continue;
                }
                String keyCell = RuleWorkbook.address(r.rowNumber(), name.get().col());
                boolean named = drl.contains("\"" + key + "\"");
                if (number.isPresent() && !named) {
                    out.add(PackError.inSheet(file, t.sheet(), keyCell, "warning: no rule reads parameter " + key
                            + ", so changing it changes nothing (no DRL file of the pack or library file it includes "
                            + "names \"" + key + "\") / 警告：没有规则读取参数 " + key + "，修改它不会改变结果"));
                }
                if (label.isPresent() && !named && !passthrough) {
                    out.add(PackError.inSheet(file, t.sheet(), keyCell, "warning: no rule can produce problem " + key
                            + ": no DRL file of the pack or library file it includes names it, and the pack turns no "
                            + "findings into problems (// include: findings) / 警告：没有规则会记问题 " + key
                            + "，这一行的写法和等级都不会用到"));
                }
                String g = grade.map(c -> r.cells().get(c.col())).orElse(null);
                if (g != null && !vetoes && !g.isBlank() && !g.strip().equals("无") && !g.strip().equals("-")) {
                    out.add(PackError.inSheet(file, t.sheet(), RuleWorkbook.address(r.rowNumber(), grade.get().col()),
                            "warning: the grade \"" + g.strip() + "\" for problem " + key + " has no effect: no rule of "
                            + "the pack applies vetoes (add \"// include: veto\" to its DRL) / 警告：问题 " + key
                            + " 的评定等级“" + g.strip() + "”不会生效，本包没有单项否决规则"));
                }
            }
        }
        return out;
    }

    private static Optional<RuleWorkbook.ColumnSpec> column(RuleWorkbook.Table t, String marker) {
        return t.columns().stream().filter(c -> c.template() != null && c.template().contains(marker)).findFirst();
    }
}
