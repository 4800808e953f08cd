package govgrade.packs.tables;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.drools.template.parser.DataListener;

/**
 * The cells of one sheet as Drools' {@code ExcelParser} hands them to its rule listener: the same
 * text (numbers formatted, formulas evaluated, a merged cell's value in each of its cells) at
 * the same place. What govgrade says about a table is said about what Drools compiled.
 */
final class SheetRecorder implements DataListener {
    private final SortedMap<Integer, SortedMap<Integer, String>> rows = new TreeMap<>();
    private boolean overflow;

    @Override
    public void startSheet(String name) {
        // Nothing to record: one recorder per sheet.
    }

    @Override
    public void newRow(int row, int columns) {
        // Rows are kept by the cells in them.
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        // Drools trims cells too; a cell of spaces is an empty cell to both.
        String v = value == null ? "" : value.trim();
        if (row >= RuleWorkbook.MAX_ROWS) {
            // Past the limit nothing is kept: a 100,000-row sheet must not cost its rows' memory twice.
            overflow |= !v.isEmpty();
            return;
        }
        if (!v.isEmpty()) {
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, v);
        }
    }

    @Override
    public void finishSheet() {
        // Nothing to finish: the cells are read when asked for.
    }

    /** The non-empty cells of a row (0-based) by column, or none. */
    SortedMap<Integer, String> row(int row) {
        return rows.getOrDefault(row, Collections.emptySortedMap());
    }

    /** The text of a cell (0-based row and column), empty if the cell is. */
    String text(int row, int column) {
        return row(row).getOrDefault(column, "");
    }

    /** True when a cell below row {@link RuleWorkbook#MAX_ROWS} holds text: the sheet is refused. */
    boolean overflow() {
        return overflow;
    }

    /** A sheet too long to be read at all. */
    void markOverflow() {
        overflow = true;
    }

    /** Every non-empty cell, row by row (0-based). */
    SortedMap<Integer, SortedMap<Integer, String>> rows() {
        return Collections.unmodifiableSortedMap(rows);
    }

    /** The last row holding a non-empty cell (0-based), or -1. */
    int lastRow() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }
}
