package govgrade.packs.tables;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * The Drools RuleTables of a workbook as a person sees them: sheet, header, the code of each
 * column and every data cell with its A1 address. Read apart from Drools, so an error in a rule
 * Drools generated can be traced back to the cell a policy officer typed.
 */
public final class RuleWorkbook {

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

    private RuleWorkbook(List<Table> tables, List<String> sheetNames) {
        this.tables = tables;
        this.sheetNames = sheetNames;
    }

    /** Reads every sheet; throws IOException for a file that is not a readable workbook. */
    public static RuleWorkbook read(InputStream in) throws IOException {
        try (Workbook wb = open(in)) {
            return read(wb);
        }
    }

    /** Opens a workbook, POI's unchecked complaints about a damaged file turned into IOException. */
    public static Workbook open(InputStream in) throws IOException {
        try {
            return WorkbookFactory.create(in);
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    /** Reads every sheet of an open workbook, which stays open. */
    public static RuleWorkbook read(Workbook wb) throws IOException {
        try {
            List<Table> tables = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Sheet sheet : wb) {
                names.add(sheet.getSheetName());
                tables.addAll(tablesOf(sheet));
            }
            return new RuleWorkbook(tables, names);
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    // POI reports a damaged package with unchecked exceptions of many kinds.
    private static IOException damaged(RuntimeException e) {
        return new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
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

    private static List<Table> tablesOf(Sheet sheet) {
        List<Table> out = new ArrayList<>();
        int last = sheet.getLastRowNum();
        for (int r = 0; r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell cell : row) {
                String v = text(cell);
                if (v.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    Table t = table(sheet, r, cell.getColumnIndex(), v.substring("ruletable".length()).trim());
                    out.add(t);
                    r += 4 + t.rows().size();
                    break;
                }
            }
        }
        return out;
    }

    private static Table table(Sheet sheet, int r0, int c0, String name) {
        Row types = sheet.getRow(r0 + 1);
        List<ColumnSpec> columns = new ArrayList<>();
        if (types != null) {
            for (int c = c0; c < types.getLastCellNum(); c++) {
                String type = text(types.getCell(c));
                if (type.isEmpty()) {
                    continue;
                }
                columns.add(new ColumnSpec(c, normaliseType(type), text(cell(sheet, r0 + 3, c)),
                        text(cell(sheet, r0 + 4, c))));
            }
        }
        List<DataRow> rows = new ArrayList<>();
        for (int r = r0 + 5; r <= sheet.getLastRowNum(); r++) {
            Map<Integer, String> cells = new LinkedHashMap<>();
            for (ColumnSpec c : columns) {
                String v = text(cell(sheet, r, c.col()));
                if (!v.isEmpty()) {
                    cells.put(c.col(), v);
                }
            }
            if (cells.isEmpty()) {
                break; // Drools ends a table at the first empty row, and so do we.
            }
            rows.add(new DataRow(r + 1, cells));
        }
        return new Table(sheet.getSheetName(), name, address(r0 + 1, c0), columns, rows);
    }

    private static String normaliseType(String type) {
        String t = type.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "C" -> "CONDITION";
            case "A" -> "ACTION";
            case "N" -> "NAME";
            case "I" -> "DESCRIPTION";
            default -> t;
        };
    }

    private static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    /** The cell as Drools reads it: whole numbers without ".0", formulas by their cached value. */
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
