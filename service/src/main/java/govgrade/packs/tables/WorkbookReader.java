package govgrade.packs.tables;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.drools.template.parser.DecisionTableParseException;

/**
 * The one reading of a workbook: Drools' {@code ExcelParser} passes over every sheet once, and
 * each cell goes both to Drools' rule listener (the DRL) and to a recorder (govgrade's view of
 * the tables, with each cell's place). Both see the same text, so a check on a cell is a check
 * on what Drools compiles.
 */
final class WorkbookReader {
    private WorkbookReader() {
    }

    /** Reads every sheet, then closes the workbook. */
    static RuleWorkbook read(Workbook workbook) throws IOException {
        Map<String, SheetRecorder> recorders = new LinkedHashMap<>();
        Map<String, GuardedSheetListener> drools = new LinkedHashMap<>();
        try (workbook) {
            Workbook open = unclosable(workbook);
            for (Sheet s : workbook) {
                String name = s.getSheetName();
                recorders.put(name, new SheetRecorder());
                drools.put(name, new GuardedSheetListener(name));
                if (oversized(s)) {
                    // Not handed to the parser at all: formatting 100,000 rows costs more than refusing them.
                    recorders.get(name).markOverflow();
                    drools.get(name).fail(new DecisionTableParseException("the sheet has text past row "
                            + RuleWorkbook.MAX_ROWS + ", the limit of rows a decision table sheet may have"));
                    continue;
                }
                List<DataListener> both = List.of(recorders.get(name), drools.get(name));
                try {
                    // A parser per sheet: one sheet's formula the parser cannot evaluate must not leave the next unread.
                    new ExcelParser(Map.of(name, both)).parseWorkbook(open);
                } catch (DecisionTableParseException e) {
                    drools.get(name).fail(e);
                }
            }
        } catch (RuntimeException e) {
            throw RuleWorkbook.damaged(e);
        }
        List<RuleWorkbook.Table> tables = new ArrayList<>();
        Map<String, String> drl = new LinkedHashMap<>();
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        for (var e : recorders.entrySet()) {
            List<RuleWorkbook.Table> found = TableScan.tablesOf(e.getKey(), e.getValue());
            tables.addAll(found);
            if (!found.isEmpty()) {
                generate(e.getKey(), drools.get(e.getKey()), drl, failures);
            }
        }
        return new RuleWorkbook(tables, recorders, drl, failures);
    }

    /** True when a cell past {@link RuleWorkbook#MAX_ROWS} holds anything but blanks. */
    private static boolean oversized(Sheet s) {
        if (s.getLastRowNum() < RuleWorkbook.MAX_ROWS) {
            return false;
        }
        for (Row r : s) {
            if (r.getRowNum() >= RuleWorkbook.MAX_ROWS) {
                for (Cell c : r) {
                    if (c.getCellType() != CellType.BLANK && !(c.getCellType() == CellType.STRING
                            && c.getStringCellValue().isBlank())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** ExcelParser closes the workbook it read; the next sheet needs it open. */
    static Workbook unclosable(Workbook workbook) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                return null;
            }
            try {
                return method.invoke(workbook, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Workbook) Proxy.newProxyInstance(Workbook.class.getClassLoader(), new Class<?>[] {Workbook.class}, h);
    }

    /** The DRL of a sheet with RuleTables, or what Drools threw instead. */
    private static void generate(String sheet, GuardedSheetListener listener, Map<String, String> drl,
                                 Map<String, RuntimeException> failures) {
        if (listener.failure() != null) {
            failures.put(sheet, listener.failure());
            return;
        }
        try {
            drl.put(sheet, new SpreadsheetCompiler().listenerToString(listener));
        } catch (RuntimeException e) {
            failures.put(sheet, e);
        }
    }
}
