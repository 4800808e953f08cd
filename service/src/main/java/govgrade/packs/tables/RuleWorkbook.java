package govgrade.packs.tables;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * A decision-table workbook, read once: the DRL Drools generates from each sheet with RuleTables,
 * and the same tables as a person sees them (sheet, header, the code of each column, every data
 * cell with its A1 address), so a check or a Drools error can be said at the cell a policy
 * officer typed.
 */
public final class RuleWorkbook {
    /**
     * Rows a sheet may have. The bundled tables hold under 20; 2,000 leaves room for any county's
     * criteria while a 100,000-row sheet is refused before Drools turns each row into a rule.
     */
    public static final int MAX_ROWS = 2_000;

    /** One column of a RuleTable: its type (CONDITION, ACTION, NAME ...), code template and label. */
    public record ColumnSpec(int col, String type, String template, String label) {
    }

    /** One data row: spreadsheet row number (1-based) and its non-empty cells by column. */
    public record DataRow(int rowNumber, Map<Integer, String> cells) {
    }

    /** A RuleTable: where it sits and what it holds. */
    public record Table(String sheet, String name, String headerCell, List<ColumnSpec> columns, List<DataRow> rows) {
        public Optional<ColumnSpec> nameColumn() {
            return columns.stream().filter(c -> c.type().equals("NAME")).findFirst();
        }
    }

    /** A cell: sheet name and A1 address. */
    public record Place(String sheet, String cell) {
    }

    private final List<Table> tables;
    private final List<String> sheetNames;
    private final Map<String, String> drl;
    private final Map<String, RuntimeException> failures;
    private final Map<String, SheetRecorder> cells;

    RuleWorkbook(List<Table> tables, Map<String, SheetRecorder> cells, Map<String, String> drl,
                 Map<String, RuntimeException> failures) {
        this.tables = List.copyOf(tables);
        this.sheetNames = List.copyOf(cells.keySet());
        this.cells = Map.copyOf(cells);
        this.drl = Map.copyOf(drl);
        this.failures = Map.copyOf(failures);
    }

    /** The non-empty cells of {@code sheet} as Drools read them, row by row (0-based); none for no such sheet. */
    SortedMap<Integer, SortedMap<Integer, String>> cellsOf(String sheet) {
        SheetRecorder recorder = cells.get(sheet);
        return recorder == null ? Collections.emptySortedMap() : recorder.rows();
    }

    /** Sheets with text past {@link #MAX_ROWS}, in workbook order. */
    public List<String> oversizedSheets() {
        return sheetNames.stream().filter(s -> cells.get(s).overflow()).toList();
    }

    /**
     * The first cell of {@code sheet}, row by row, whose text contains {@code text}: where a name
     * found in the DRL generated from the sheet was typed (an Import, a Functions cell, a template).
     */
    public Optional<String> cellContaining(String sheet, String text) {
        SheetRecorder recorder = cells.get(sheet);
        if (recorder == null || text.isEmpty()) {
            return Optional.empty();
        }
        for (var row : recorder.rows().entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                if (cell.getValue().contains(text)) {
                    return Optional.of(address(row.getKey() + 1, cell.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    /** Reads every sheet once; throws IOException for a file that is not a readable workbook. */
    public static RuleWorkbook read(InputStream in) throws IOException {
        Workbook wb;
        try {
            wb = WorkbookFactory.create(in);
        } catch (RuntimeException e) {
            throw damaged(e);
        }
        return WorkbookReader.read(wb);
    }

    // POI reports a damaged package with unchecked exceptions of many kinds.
    static IOException damaged(RuntimeException e) {
        return new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }

    /**
     * The DRL Drools generated from a sheet of {@link #ruleSheets()}; throws what Drools threw for
     * a sheet it could not read (DecisionTableParseException ...), for the caller to place.
     */
    public String drl(String sheet) {
        RuntimeException failure = failures.get(sheet);
        if (failure != null) {
            throw failure;
        }
        String out = drl.get(sheet);
        if (out == null) {
            throw new IllegalArgumentException("sheet " + sheet + " holds no RuleTable");
        }
        return out;
    }

    public List<Table> tables() {
        return tables;
    }

    public List<String> sheetNames() {
        return sheetNames;
    }

    /** Sheets that hold at least one RuleTable, in workbook order. */
    public List<String> ruleSheets() {
        return sheetNames.stream().filter(s -> tables.stream().anyMatch(t -> t.sheet().equals(s))).toList();
    }

    /**
     * The cell of the row whose NAME is {@code key}, in the column whose code contains
     * {@code templateMarker}; empty if no table has such a row.
     */
    public Optional<Place> cellOf(String key, String templateMarker) {
        for (Table t : tables) {
            Optional<ColumnSpec> nameCol = t.nameColumn();
            if (nameCol.isEmpty()) {
                continue;
            }
            for (ColumnSpec c : t.columns()) {
                if (c.template() == null || !c.template().contains(templateMarker)) {
                    continue;
                }
                for (DataRow r : t.rows()) {
                    if (key.equals(r.cells().get(nameCol.get().col()))) {
                        return Optional.of(new Place(t.sheet(), address(r.rowNumber(), c.col())));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The cell of row {@code rowNumber} on {@code sheet} whose text appears in {@code drlText}: the
     * value Drools choked on. Empty when no cell of that row matches.
     */
    public Optional<String> cellInRow(String sheet, int rowNumber, String drlText) {
        String best = null;
        int bestLength = 0;
        for (Table t : tables) {
            if (!t.sheet().equals(sheet)) {
                continue;
            }
            for (DataRow r : t.rows()) {
                if (r.rowNumber() != rowNumber) {
                    continue;
                }
                for (var c : r.cells().entrySet()) {
                    String v = c.getValue();
                    if (drlText.contains(v) && v.length() > bestLength) {
                        best = address(rowNumber, c.getKey());
                        bestLength = v.length();
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A cell of the row whose text would break the string Drools puts it in (a backslash or a
     * quote): where a parse error ran on to the end of the file, this is most likely the cause.
     */
    public Optional<String> cellBreakingStrings(String sheet, int rowNumber) {
        for (Table t : tables) {
            if (t.sheet().equals(sheet)) {
                for (DataRow r : t.rows()) {
                    if (r.rowNumber() == rowNumber) {
                        for (var c : r.cells().entrySet()) {
                            if (c.getValue().contains("\\") || c.getValue().contains("\"")) {
                                return Optional.of(address(rowNumber, c.getKey()));
                            }
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first cell of the row on {@code sheet} whose NAME cell is {@code key}. */
    public Optional<String> rowCellOfKey(String sheet, String key) {
        for (Table t : tables) {
            Optional<ColumnSpec> nameCol = t.nameColumn();
            if (t.sheet().equals(sheet) && nameCol.isPresent()) {
                for (DataRow r : t.rows()) {
                    if (key.equals(r.cells().get(nameCol.get().col()))) {
                        return Optional.of(address(r.rowNumber(), nameCol.get().col()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Keys (NAME cells) of the rows of tables whose code contains {@code templateMarker}, in row order. */
    public List<String> keysOf(String templateMarker) {
        List<String> out = new ArrayList<>();
        for (Table t : tables) {
            Optional<ColumnSpec> nameCol = t.nameColumn();
            if (nameCol.isPresent() && t.columns().stream()
                    .anyMatch(c -> c.template() != null && c.template().contains(templateMarker))) {
                for (DataRow r : t.rows()) {
                    String k = r.cells().get(nameCol.get().col());
                    if (k != null) {
                        out.add(k);
                    }
                }
            }
        }
        return out;
    }

    public static String address(int rowNumber, int col) {
        return CellReference.convertNumToColString(col) + rowNumber;
    }

    /**
     * A cell of a sheet that is not a decision table (a published result sheet): whole numbers
     * without ".0", formulas by their cached value. Decision tables are read by {@link #read}.
     */
    public static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().trim();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                double d = cell.getNumericCellValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
            }
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
