package govgrade.packs.tables;

import govgrade.facts.Channel;
import govgrade.rules.ReportWords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The 报表 sheet: the words a pack gives its Excel report, so an annex prints its circular's own
 * (动态信息 where the default says 快讯动态). A plain sheet a policy officer edits, read as data,
 * never compiled: a header row with 项目 (汇总, or a channel: new-media, news ... or 政务新媒体,
 * 快讯动态 ...), 工作表名称 (the sheet's name) and 标题 (row 1 of the sheet); other columns, such
 * as 说明, are notes. An empty cell keeps the report's own word. A pack without the sheet says
 * nothing.
 *
 * <p>Sheet names are checked here, at their cells, against what Excel accepts (31 characters,
 * none of {@code []:*?/\}, no quote at either end, no two alike ignoring case, counting the
 * default names of the sheets the pack leaves unnamed): the report would otherwise cut or number
 * them, and the annex would not print the circular's words after all.
 */
public final class ReportSheet {
    public static final String SHEET = "报表";
    static final String KEY = "项目";
    static final String NAME = "工作表名称";
    static final String TITLE = "标题";
    static final String SUMMARY = "汇总";
    private static final String SUMMARY_CODE = "summary";
    /** Excel's limit on a sheet name. */
    static final int MAX_NAME = 31;
    /** A title is row 1 of a printed page; the report gives it at most three lines. */
    static final int MAX_TITLE = 200;
    private static final String FORBIDDEN = "[]:*?/\\";

    private record Row(int number, String key, String keyCell, String name, String nameCell, String title,
                       String titleCell) {
    }

    private ReportSheet() {
    }

    /** What is wrong on the 报表 sheet of {@code wb}, each at its cell; none if it has no such sheet. */
    public static List<TableCheck> check(RuleWorkbook wb) {
        List<TableCheck> out = new ArrayList<>();
        rows(wb, out);
        return out;
    }

    /**
     * The words the 报表 sheets of {@code workbooks} give, read after {@link #check} found nothing
     * wrong; where two workbooks of a pack name the same item, the first says it.
     */
    public static ReportWords words(Collection<RuleWorkbook> workbooks) {
        String summary = null;
        String title = null;
        Map<String, ReportWords.ChannelWords> channels = new LinkedHashMap<>();
        for (RuleWorkbook wb : workbooks) {
            for (Row r : rows(wb, new ArrayList<>())) {
                String code = code(r.key());
                if (SUMMARY_CODE.equals(code)) {
                    summary = summary != null ? summary : r.name();
                    title = title != null ? title : r.title();
                } else if (code != null && (r.name() != null || r.title() != null)) {
                    channels.putIfAbsent(code, new ReportWords.ChannelWords(r.name(), r.title()));
                }
            }
        }
        return new ReportWords(summary, title, channels);
    }

    /** The rows of the sheet, every mistake added to {@code out}. */
    private static List<Row> rows(RuleWorkbook wb, List<TableCheck> out) {
        SortedMap<Integer, SortedMap<Integer, String>> cells = wb.cellsOf(SHEET);
        List<Row> rows = new ArrayList<>();
        if (!wb.sheetNames().contains(SHEET)) {
            return rows;
        }
        if (wb.ruleSheets().contains(SHEET)) {
            out.add(new TableCheck(SHEET, "A1", "“报表”工作表只写报表用语，不能放规则表（RuleSet/RuleTable）",
                    "the 报表 sheet holds the report's words, not a RuleSet or RuleTable"));
            return rows;
        }
        Integer header = null;
        int keyCol = -1;
        int nameCol = -1;
        int titleCol = -1;
        for (var row : cells.entrySet()) {
            if (row.getValue().containsValue(KEY)) {
                header = row.getKey();
                for (var c : row.getValue().entrySet()) {
                    switch (c.getValue()) {
                        case KEY -> keyCol = c.getKey();
                        case NAME -> nameCol = c.getKey();
                        case TITLE -> titleCol = c.getKey();
                        default -> { }
                    }
                }
                break;
            }
        }
        if (header == null || (nameCol < 0 && titleCol < 0)) {
            out.add(new TableCheck(SHEET, header == null ? "A1" : RuleWorkbook.address(header + 1, keyCol),
                    "“报表”工作表需要表头行：项目、工作表名称、标题",
                    "the 报表 sheet needs a header row naming the columns 项目, 工作表名称 and 标题"));
            return rows;
        }
        for (var row : cells.tailMap(header + 1).entrySet()) {
            Map<Integer, String> r = row.getValue();
            int n = row.getKey() + 1;
            String key = r.get(keyCol);
            String name = nameCol < 0 ? null : r.get(nameCol);
            String title = titleCol < 0 ? null : r.get(titleCol);
            String keyCell = RuleWorkbook.address(n, keyCol);
            if (key == null) {
                if (name != null || title != null) {
                    out.add(new TableCheck(SHEET, keyCell, "“项目”为空：请填写“汇总”或栏目名称（如 快讯动态、news）",
                            "empty 项目 cell: expected 汇总 or a channel, e.g. 快讯动态 or news"));
                }
                continue;
            }
            rows.add(new Row(n, key, keyCell, name, nameCol < 0 ? null : RuleWorkbook.address(n, nameCol),
                    title, titleCol < 0 ? null : RuleWorkbook.address(n, titleCol)));
        }
        checkRows(rows, out);
        return rows;
    }

    private static void checkRows(List<Row> rows, List<TableCheck> out) {
        Map<String, String> seenKeys = new HashMap<>();
        // Every sheet a report may have, by its name ignoring case: the pack's words over the defaults.
        Map<String, String> names = new LinkedHashMap<>();
        names.put(SUMMARY_CODE, SUMMARY);
        for (Channel c : Channel.values()) {
            names.put(c.code(), c.chineseName());
        }
        Map<String, Row> named = new HashMap<>();
        for (Row r : rows) {
            String code = code(r.key());
            if (code == null) {
                out.add(new TableCheck(SHEET, r.keyCell(), "“" + r.key() + "”不是报表的项目：应为“汇总”或栏目（"
                        + channelList() + "）", "\"" + r.key() + "\" is not a part of the report: expected 汇总 "
                        + "or a channel (" + channelList() + ")"));
                continue;
            }
            if (seenKeys.putIfAbsent(code, r.keyCell()) != null) {
                out.add(new TableCheck(SHEET, r.keyCell(), "“" + r.key() + "”重复（已见于 " + seenKeys.get(code) + "）",
                        "\"" + r.key() + "\" is named twice (first at " + seenKeys.get(code) + ")"));
                continue;
            }
            if (r.name() != null && name(r, out)) {
                names.put(code, r.name());
                named.put(code, r);
            }
            if (r.title() != null && r.title().length() > MAX_TITLE) {
                out.add(new TableCheck(SHEET, r.titleCell(), "标题过长：" + r.title().length() + " 个字符，最多 "
                        + MAX_TITLE + " 个", "a title of " + r.title().length() + " characters; at most " + MAX_TITLE));
            }
        }
        Map<String, String> taken = new HashMap<>();
        names.forEach((code, name) -> {
            String other = taken.putIfAbsent(name.toLowerCase(Locale.ROOT), code);
            if (other != null) {
                // Said at a cell the pack wrote: the later of the two, or the one that took a default's name.
                Row at = named.containsKey(code) ? named.get(code) : named.get(other);
                out.add(new TableCheck(SHEET, at.nameCell(), "工作表名称“" + name + "”与另一工作表重名（" + other + "、"
                        + code + "）；每个工作表名称须不同", "sheet name \"" + name + "\" is also the name of another "
                        + "sheet of the report (" + other + ", " + code + "); each sheet needs its own name"));
            }
        });
    }

    /** True when the row's sheet name is one Excel accepts; otherwise says why at its cell. */
    private static boolean name(Row r, List<TableCheck> out) {
        String name = r.name();
        String zh = null;
        String en = null;
        if (name.length() > MAX_NAME) {
            zh = "工作表名称过长：" + name.length() + " 个字符，Excel 最多 " + MAX_NAME + " 个";
            en = "a sheet name of " + name.length() + " characters; Excel allows at most " + MAX_NAME;
        } else if (name.chars().anyMatch(ch -> FORBIDDEN.indexOf(ch) >= 0)) {
            zh = "工作表名称“" + name + "”含 Excel 不允许的字符（[ ] : * ? / \\ 均不可用）";
            en = "sheet name \"" + name + "\" holds a character Excel does not allow in one: [ ] : * ? / \\";
        } else if (name.startsWith("'") || name.endsWith("'")) {
            zh = "工作表名称“" + name + "”不能以单引号开头或结尾";
            en = "sheet name \"" + name + "\" may not begin or end with an apostrophe";
        }
        if (zh == null) {
            return true;
        }
        out.add(new TableCheck(SHEET, r.nameCell(), zh, en));
        return false;
    }

    /** {@code summary} for the summary sheet, a channel's code, or null for neither. */
    private static String code(String key) {
        if (key.equals(SUMMARY) || key.equalsIgnoreCase(SUMMARY_CODE)) {
            return SUMMARY_CODE;
        }
        try {
            return Channel.parse(key).code();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String channelList() {
        StringBuilder s = new StringBuilder();
        for (Channel c : Channel.values()) {
            s.append(s.length() == 0 ? "" : ", ").append(c.chineseName()).append(" ").append(c.code());
        }
        return s.toString();
    }
}
