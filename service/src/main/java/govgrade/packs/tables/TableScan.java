package govgrade.packs.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RuleTables of one sheet's cells, laid out as Drools lays them out: the "RuleTable" cell,
 * then rows of column types, object types, code and labels, then data rows up to the first
 * empty one.
 */
final class TableScan {
    private TableScan() {
    }

    static List<RuleWorkbook.Table> tablesOf(String sheet, SheetRecorder cells) {
        List<RuleWorkbook.Table> out = new ArrayList<>();
        int last = cells.lastRow();
        for (int r = 0; r <= last; r++) {
            for (var cell : cells.row(r).entrySet()) {
                String v = cell.getValue();
                if (v.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    RuleWorkbook.Table t = table(sheet, cells, r, cell.getKey(), v.substring("ruletable".length()).trim());
                    out.add(t);
                    r += 4 + t.rows().size();
                    break;
                }
            }
        }
        return out;
    }

    private static RuleWorkbook.Table table(String sheet, SheetRecorder cells, int r0, int c0, String name) {
        List<RuleWorkbook.ColumnSpec> columns = new ArrayList<>();
        for (var type : cells.row(r0 + 1).tailMap(c0).entrySet()) {
            int c = type.getKey();
            columns.add(new RuleWorkbook.ColumnSpec(c, normaliseType(type.getValue()), cells.text(r0 + 3, c),
                    cells.text(r0 + 4, c)));
        }
        List<RuleWorkbook.DataRow> rows = new ArrayList<>();
        for (int r = r0 + 5; r <= cells.lastRow(); r++) {
            Map<Integer, String> values = new LinkedHashMap<>();
            for (RuleWorkbook.ColumnSpec c : columns) {
                String v = cells.text(r, c.col());
                if (!v.isEmpty()) {
                    values.put(c.col(), v);
                }
            }
            if (values.isEmpty()) {
                break; // Drools ends a table at the first empty row, and so do we.
            }
            rows.add(new RuleWorkbook.DataRow(r + 1, values));
        }
        return new RuleWorkbook.Table(sheet, name, RuleWorkbook.address(r0 + 1, c0), columns, rows);
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
}
