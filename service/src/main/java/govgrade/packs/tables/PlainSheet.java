package govgrade.packs.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A plain sheet a policy officer edits, as the checks of a scoring sheet see it: a header row
 * found by its column titles, the data rows under it, and each mistake said at its cell in
 * Chinese and English. The cells are those Drools' parser reads, so what is checked is what is kept.
 */
final class PlainSheet {
    private final String sheet;
    private final SortedMap<Integer, SortedMap<Integer, String>> cells;
    private final List<TableCheck> out;
    private final Map<String, Integer> columns = new HashMap<>();
    private int header = -1;

    PlainSheet(String sheet, SortedMap<Integer, SortedMap<Integer, String>> cells, List<TableCheck> out) {
        this.sheet = sheet;
        this.cells = cells;
        this.out = out;
    }

    String sheet() {
        return sheet;
    }

    /**
     * Finds the header: the first row holding {@code titles[0]}; false (and said at the sheet's
     * A2 or the header row) when there is none or it lacks one of {@code titles}.
     */
    boolean header(String kindWord, String... titles) {
        for (var row : cells.entrySet()) {
            if (row.getKey() > 0 && row.getValue().containsValue(titles[0])) {
                header = row.getKey();
                row.getValue().forEach((col, text) -> columns.putIfAbsent(text, col));
                break;
            }
        }
        List<String> missing = new ArrayList<>();
        for (String t : titles) {
            if (!columns.containsKey(t)) {
                missing.add(t);
            }
        }
        if (missing.isEmpty()) {
            return true;
        }
        String all = String.join("、", titles);
        add(header < 0 ? "A2" : RuleWorkbook.address(header + 1, 0),
                "“" + kindWord + "”表需要表头行：" + all + "（缺少 " + String.join("、", missing) + "）",
                "a " + kindWord + " sheet needs a header row naming " + all + " (missing: " + String.join(", ", missing) + ")");
        return false;
    }

    /** Data rows (0-based) under the header that hold text in a header column. */
    List<Integer> rows() {
        List<Integer> out = new ArrayList<>();
        for (var row : cells.tailMap(header + 1).entrySet()) {
            if (row.getValue().keySet().stream().anyMatch(columns::containsValue)) {
                out.add(row.getKey());
            }
        }
        return out;
    }

    /** The header row (0-based), -1 before {@link #header} found it. */
    int headerRow() {
        return header;
    }

    String text(int row, String title) {
        return cells.getOrDefault(row, Collections.emptySortedMap()).get(columns.get(title));
    }

    String cell(int row, String title) {
        return RuleWorkbook.address(row + 1, columns.get(title));
    }

    /** The cells of a row above the header: label to the value right of it (满分 | 100). */
    Map<String, int[]> labels() {
        Map<String, int[]> out = new HashMap<>();
        for (var row : cells.headMap(header < 0 ? Integer.MAX_VALUE : header).entrySet()) {
            row.getValue().forEach((col, text) -> out.putIfAbsent(text, new int[] {row.getKey(), col}));
        }
        return out;
    }

    String textAt(int row, int col) {
        return cells.getOrDefault(row, Collections.emptySortedMap()).get(col);
    }

    /**
     * The number in a cell: null for an empty cell (said as a mistake when {@code required}) and
     * for text that is not a number (always said); {@code minimum} null for no lower limit.
     */
    BigDecimal number(String text, String cell, String title, boolean required, BigDecimal minimum) {
        if (text == null) {
            if (required) {
                add(cell, "“" + title + "”为空，此格必须填写数字", "empty " + title + " cell: a number is required");
            }
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            add(cell, "“" + title + "”应为数字，此格为“" + text + "”", title + " must be a number, found \"" + text + "\"");
            return null;
        }
        if (v.abs().compareTo(CriteriaTableChecks.MAX_NUMBER) > 0) {
            add(cell, "“" + title + "”的数值 " + text + " 过大", title + " " + text + " is too large");
            return null;
        }
        if (minimum != null && v.compareTo(minimum) < 0) {
            add(cell, "“" + title + "”不能小于 " + minimum.toPlainString() + "，此格为 " + text,
                    title + " may not be below " + minimum.toPlainString() + ", found " + text);
            return null;
        }
        return v;
    }

    void add(String cell, String chinese, String english) {
        out.add(new TableCheck(sheet, cell, chinese, english));
    }
}
