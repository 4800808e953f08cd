package govgrade.packs.tables;

import govgrade.facts.DeclaredFigure;
import govgrade.facts.DeclaredFigures;
import govgrade.facts.FigurePlace;
import govgrade.facts.FigureType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The 数据项 sheet: the figures a pack needs beyond the built-in ones (a per-account post total,
 * adoptions by a higher portal), which batches then carry in {@code figures} and rules read by
 * name. A plain sheet a policy officer edits, read as data and checked at its cells: a header row
 * with 名称 (the name batches and rules use), 对象 (账号, 单位, 栏目 or 报送与动态; or account,
 * unit, column, activity), 类型 (计数, 数值, 日期, 文本 or 是否; or count, number, date, text,
 * yes/no), 必填 (是 or 否; empty is 否) and 含义 (the meaning, in Chinese); other columns are notes.
 */
public final class FigureSheet {
    public static final String SHEET = "数据项";
    static final String NAME = "名称";
    static final String PLACE = "对象";
    static final String TYPE = "类型";
    static final String REQUIRED = "必填";
    static final String MEANING = "含义";

    private FigureSheet() {
    }

    /** What is wrong on the 数据项 sheet of {@code wb}, each at its cell; none if it has no such sheet. */
    public static List<TableCheck> check(RuleWorkbook wb) {
        List<TableCheck> out = new ArrayList<>();
        declared(wb, out);
        return out;
    }

    /**
     * The figures the 数据项 sheets of {@code workbooks} declare, read after {@link #check} found
     * nothing wrong; where two workbooks declare the same name at the same place, the first says it.
     */
    public static DeclaredFigures declared(Collection<RuleWorkbook> workbooks) {
        List<DeclaredFigure> all = new ArrayList<>();
        for (RuleWorkbook wb : workbooks) {
            all.addAll(declared(wb, new ArrayList<>()));
        }
        return all.isEmpty() ? DeclaredFigures.NONE : new DeclaredFigures(all);
    }

    /** The rows of the sheet, every mistake added to {@code out}; the header row is the one with a 名称 cell. */
    private static List<DeclaredFigure> declared(RuleWorkbook wb, List<TableCheck> out) {
        List<DeclaredFigure> rows = new ArrayList<>();
        if (!wb.sheetNames().contains(SHEET)) {
            return rows;
        }
        if (wb.ruleSheets().contains(SHEET)) {
            out.add(new TableCheck(SHEET, "A1", "“数据项”工作表只写数据项，不能放规则表（RuleSet/RuleTable）",
                    "the 数据项 sheet declares figures, not a RuleSet or RuleTable"));
            return rows;
        }
        SortedMap<Integer, SortedMap<Integer, String>> cells = wb.cellsOf(SHEET);
        Integer header = null;
        Map<String, Integer> cols = new HashMap<>();
        for (var row : cells.entrySet()) {
            if (row.getValue().containsValue(NAME)) {
                header = row.getKey();
                row.getValue().forEach((col, text) -> cols.putIfAbsent(text.trim(), col));
                break;
            }
        }
        if (header == null || !cols.containsKey(PLACE) || !cols.containsKey(TYPE)) {
            out.add(new TableCheck(SHEET, header == null ? "A1" : RuleWorkbook.address(header + 1, cols.get(NAME)),
                    "“数据项”工作表需要表头行：名称、对象、类型、必填、含义",
                    "the 数据项 sheet needs a header row naming the columns 名称, 对象, 类型, 必填 and 含义"));
            return rows;
        }
        Map<FigurePlace, Map<String, String>> seen = new EnumMap<>(FigurePlace.class);
        for (var row : cells.tailMap(header + 1).entrySet()) {
            DeclaredFigure d = row(row.getKey() + 1, row.getValue(), cols, seen, out);
            if (d != null) {
                rows.add(d);
            }
        }
        return rows;
    }

    /** One row, or null where it is empty or wrong (said at its cell). */
    private static DeclaredFigure row(int n, Map<Integer, String> r, Map<String, Integer> cols,
                                      Map<FigurePlace, Map<String, String>> seen, List<TableCheck> out) {
        String name = cell(r, cols, NAME);
        String placeText = cell(r, cols, PLACE);
        String typeText = cell(r, cols, TYPE);
        String requiredText = cell(r, cols, REQUIRED);
        String meaning = cell(r, cols, MEANING);
        if (name == null && placeText == null && typeText == null && requiredText == null && meaning == null) {
            return null;
        }
        int before = out.size();
        String nameCell = RuleWorkbook.address(n, cols.get(NAME));
        if (name == null) {
            out.add(new TableCheck(SHEET, nameCell, "“名称”为空：请填写数据项的名称（如 totalPosts）",
                    "empty 名称 cell: expected the figure's name, e.g. totalPosts"));
        } else if (!DeclaredFigure.NAME.matcher(name).matches()) {
            out.add(new TableCheck(SHEET, nameCell, "名称“" + name + "”不可用：须以小写英文字母开头，只含英文字母和数字，最多 40 个字符（如 totalPosts）",
                    "name \"" + name + "\" cannot be used: a lower-case letter, then letters and digits, at most 40 "
                    + "characters (e.g. totalPosts)"));
            name = null;
        }
        FigurePlace place = placeText == null ? null : FigurePlace.parse(placeText);
        if (place == null) {
            out.add(new TableCheck(SHEET, RuleWorkbook.address(n, cols.get(PLACE)), (placeText == null ? "“对象”为空"
                    : "“" + placeText + "”不是数据项的对象") + "：应为 账号、单位、栏目 或 报送与动态",
                    (placeText == null ? "empty 对象 cell" : "\"" + placeText + "\" is not a place for a figure")
                    + ": expected 账号 (account), 单位 (unit), 栏目 (column) or 报送与动态 (activity)"));
        }
        FigureType type = typeText == null ? null : FigureType.parse(typeText);
        if (type == null) {
            out.add(new TableCheck(SHEET, RuleWorkbook.address(n, cols.get(TYPE)), (typeText == null ? "“类型”为空"
                    : "“" + typeText + "”不是数据项的类型") + "：应为 计数、数值、日期、文本 或 是否",
                    (typeText == null ? "empty 类型 cell" : "\"" + typeText + "\" is not a type of figure")
                    + ": expected 计数 (count), 数值 (number), 日期 (date), 文本 (text) or 是否 (yes/no)"));
        }
        Boolean required = required(requiredText);
        if (required == null) {
            out.add(new TableCheck(SHEET, RuleWorkbook.address(n, cols.get(REQUIRED)), "“" + requiredText
                    + "”不是“必填”的值：应为 是 或 否（空白即 否）", "\"" + requiredText
                    + "\" is not a value of 必填: expected 是 (yes) or 否 (no); empty is 否"));
        }
        if (name != null && place != null) {
            if (DeclaredFigures.builtIn(place).contains(name)) {
                out.add(new TableCheck(SHEET, nameCell, "名称“" + name + "”是" + place.chineseName()
                        + "的内置字段，请另取名称", "\"" + name + "\" is a built-in field of " + place.list()
                        + "; give the figure another name"));
            } else {
                Map<String, String> names = seen.computeIfAbsent(place, k -> new HashMap<>());
                String first = names.putIfAbsent(name, nameCell);
                if (first != null) {
                    out.add(new TableCheck(SHEET, nameCell, "名称“" + name + "”在" + place.chineseName() + "上重复（已见于 "
                            + first + "）", "\"" + name + "\" is declared twice on " + place.list() + " (first at "
                            + first + ")"));
                } else if (names.size() > DeclaredFigures.MAX_PER_PLACE) {
                    out.add(new TableCheck(SHEET, nameCell, place.chineseName() + "上的数据项过多：最多 "
                            + DeclaredFigures.MAX_PER_PLACE + " 个", "more than " + DeclaredFigures.MAX_PER_PLACE
                            + " figures on " + place.list()));
                }
            }
        }
        if (out.size() > before) {
            return null;
        }
        return new DeclaredFigure(name, place, type, required, meaning == null ? "" : meaning);
    }

    private static String cell(Map<Integer, String> r, Map<String, Integer> cols, String heading) {
        Integer col = cols.get(heading);
        String text = col == null ? null : r.get(col);
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** 是 or 否 (yes or no; empty is 否), null for anything else. */
    private static Boolean required(String text) {
        if (text == null || text.equals("否") || text.equalsIgnoreCase("no")) {
            return false;
        }
        return text.equals("是") || text.equalsIgnoreCase("yes") ? Boolean.TRUE : null;
    }
}
