package govgrade.packs.build;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * The DRL Drools generates from one sheet of a workbook that is already open: what
 * {@code SpreadsheetCompiler.compile(stream, sheet)} does, without opening the workbook again
 * for every sheet (opening it was a third of a cold pack compile).
 */
final class SheetDrl {
    private SheetDrl() {
    }

    /** Throws what SpreadsheetCompiler throws for a sheet it cannot read (DecisionTableParseException ...). */
    static String compile(Workbook workbook, String sheet) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        listener.setWorksheetName(sheet);
        Map<String, List<DataListener>> listeners = Map.of(sheet, List.of(listener));
        new ExcelParser(listeners).parseWorkbook(unclosable(workbook));
        return new SpreadsheetCompiler().listenerToString(listener);
    }

    /** ExcelParser closes the workbook it read; the next sheet needs it open. */
    private static Workbook unclosable(Workbook workbook) {
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
}
