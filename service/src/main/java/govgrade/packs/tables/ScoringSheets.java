package govgrade.packs.tables;

import govgrade.rules.Grade;
import govgrade.rules.ScoringTables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The scoring sheets: 分档 (score bands to grades), 扣分 (deductions per problem), 加权
 * (weighted sums of figures) and 比率 (rates). Plain sheets a policy officer edits, read as data
 * and never compiled, like the 报表 sheet. Cell A1 says the kind (分档, 扣分, 加权 or 比率,
 * optionally followed by 表); the sheet's name is the table's name, the one rules call it by
 * ({@code $c.band("等级分档", score)}). Every mistake is said at its cell.
 *
 * <p>A1 being the marker, not the sheet name, lets the officer name the table as the circular
 * does (采纳率, 等级分档) while a notes sheet whose name happens to start with 分档 stays notes.
 */
public final class ScoringSheets {
    /** The code of the problem wording column: its keys are the codes a 扣分 sheet may name. */
    private static final String PROBLEM_LABEL = "Criterion.problemLabel";
    private static final String GRADE_LABEL = "Criterion.gradeLabel";

    private ScoringSheets() {
    }

    /** The kind cell A1 marks, or null for a sheet that is not a scoring sheet. */
    static ScoringTables.Kind kindOf(SortedMap<Integer, SortedMap<Integer, String>> cells) {
        SortedMap<Integer, String> first = cells.get(0);
        String a1 = first == null ? null : first.get(0);
        if (a1 == null) {
            return null;
        }
        String word = a1.endsWith("表") ? a1.substring(0, a1.length() - 1) : a1;
        for (ScoringTables.Kind k : ScoringTables.Kind.values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        return null;
    }

    /** What is wrong on the scoring sheets of {@code wb}, each at its cell. */
    public static List<TableCheck> check(RuleWorkbook wb) {
        List<TableCheck> out = new ArrayList<>();
        read(wb, out);
        return out;
    }

    /** The scoring tables of {@code workbooks}, read after {@link #check} found nothing wrong. */
    public static ScoringTables tables(Collection<RuleWorkbook> workbooks) {
        List<Object> all = new ArrayList<>();
        for (RuleWorkbook wb : workbooks) {
            all.addAll(read(wb, new ArrayList<>()));
        }
        return all.isEmpty() ? ScoringTables.NONE : new ScoringTables(all);
    }

    /**
     * The cells of a scoring sheet that are code, not values (row and column, 0-based): the kind
     * cell, the header row and the labels above it (满分, 最低分). Rules name the table and the
     * kind decides what the call computes, so changing these changes what the pack does; the
     * numbers and grades under them are what a criteria editor may change.
     */
    public static List<int[]> codeCells(SortedMap<Integer, SortedMap<Integer, String>> cells) {
        List<int[]> out = new ArrayList<>();
        ScoringTables.Kind kind = kindOf(cells);
        if (kind == null) {
            return out;
        }
        out.add(new int[] {0, 0});
        PlainSheet p = new PlainSheet("", cells, new ArrayList<>());
        if (p.header(kind.word(), firstTitle(kind))) {
            cells.get(p.headerRow()).keySet().forEach(col -> out.add(new int[] {p.headerRow(), col}));
            if (kind == ScoringTables.Kind.DEDUCTION) {
                p.labels().forEach((text, at) -> {
                    if (DeductionSheet.LABELS.contains(text)) {
                        out.add(at);
                    }
                });
            }
        }
        return out;
    }

    private static String firstTitle(ScoringTables.Kind kind) {
        return switch (kind) {
            case BAND -> BandSheet.LOWER;
            case DEDUCTION -> DeductionSheet.CODE;
            case WEIGHTED -> WeightSheet.FIGURE;
            case RATE -> RateSheet.NUMERATOR;
        };
    }

    private static List<Object> read(RuleWorkbook wb, List<TableCheck> out) {
        List<Object> tables = new ArrayList<>();
        Set<String> problems = new HashSet<>(wb.keysOf(PROBLEM_LABEL));
        Map<String, Grade> grades = gradeWords(wb);
        for (String sheet : wb.sheetNames()) {
            SortedMap<Integer, SortedMap<Integer, String>> cells = wb.cellsOf(sheet);
            ScoringTables.Kind kind = kindOf(cells);
            if (kind == null) {
                continue;
            }
            if (wb.ruleSheets().contains(sheet)) {
                out.add(new TableCheck(sheet, "A1", "“" + kind.word() + "”表是数据表，不能放规则表（RuleSet/RuleTable）",
                        "a " + kind.word() + " sheet holds data, not a RuleSet or RuleTable"));
                continue;
            }
            PlainSheet p = new PlainSheet(sheet, cells, out);
            int before = out.size();
            Object table = switch (kind) {
                case BAND -> BandSheet.read(p, grades);
                case DEDUCTION -> DeductionSheet.read(p, problems);
                case WEIGHTED -> WeightSheet.read(p);
                case RATE -> RateSheet.read(p);
            };
            if (table != null && out.size() == before) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** Grade codes, default words and the words of the workbook's 等级 sheet, to their grade. */
    private static Map<String, Grade> gradeWords(RuleWorkbook wb) {
        Map<String, Grade> out = new HashMap<>();
        for (Grade g : Grade.values()) {
            out.put(g.name(), g);
            out.put(g.defaultLabel(), g);
        }
        for (RuleWorkbook.Table t : wb.tables()) {
            var name = t.nameColumn();
            for (RuleWorkbook.ColumnSpec c : t.columns()) {
                if (name.isEmpty() || c.template() == null || !c.template().contains(GRADE_LABEL)) {
                    continue;
                }
                for (RuleWorkbook.DataRow r : t.rows()) {
                    Grade g = Grade.lookup(r.cells().get(name.get().col()));
                    String word = r.cells().get(c.col());
                    if (g != null && word != null) {
                        out.put(word, g);
                    }
                }
            }
        }
        return out;
    }
}
