package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.template.parser.DecisionTableParseException;
import org.junit.jupiter.api.Test;

/** One reading of a workbook gives Drools' DRL and govgrade's view of the same cells. */
class RuleWorkbookTest {

    private static void write(Sheet s, Object[][] rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = s.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (rows[r][c] != null) {
                    row.createCell(c).setCellValue(rows[r][c].toString());
                }
            }
        }
    }

    private static Object[][] criteriaSheet(String ruleSet, String table, Object[]... data) {
        Object[][] head = {{"RuleSet", ruleSet}, {"Import", "govgrade.rules.Criterion"}, {},
                {"RuleTable " + table}, {"NAME", "ACTION"}, {},
                {null, "insert( Criterion.number( drools, \"$param\" ) );"}, {"代码", "值"}};
        Object[][] out = new Object[head.length + data.length][];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        return out;
    }

    private static RuleWorkbook read(Map<String, Object[][]> sheets) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheets.forEach((name, rows) -> write(wb.createSheet(name), rows));
            wb.write(out);
            return RuleWorkbook.read(new ByteArrayInputStream(out.toByteArray()));
        }
    }

    @Test
    void theTablesAndTheDrlComeFromTheSameCells() throws Exception {
        RuleWorkbook wb = read(Map.of("参数", criteriaSheet("govgrade.packs.t.criteria", "参数",
                new Object[] {"gapDays", 7}, new Object[] {"replyHours", 1.5})));

        assertEquals(List.of("参数"), wb.ruleSheets());
        RuleWorkbook.Table t = wb.tables().get(0);
        assertEquals("A4", t.headerCell());
        assertEquals(List.of("NAME", "ACTION"), t.columns().stream().map(RuleWorkbook.ColumnSpec::type).toList());
        assertEquals(Map.of(0, "gapDays", 1, "7"), t.rows().get(0).cells(), "a whole number without .0, as Drools writes it");
        assertEquals(Map.of(0, "replyHours", 1, "1.5"), t.rows().get(1).cells());
        assertEquals("B10", wb.cellOf("replyHours", "Criterion.number").orElseThrow().cell());

        String drl = wb.drl("参数");
        assertTrue(drl.contains("package govgrade.packs.t.criteria;"), drl);
        assertTrue(drl.contains("Criterion.number( drools, \"7\" )") && drl.contains("rule \"gapDays\""), drl);
        assertTrue(drl.contains("rule values at A10"), "the comment that leads a generated line back to its row");
    }

    @Test
    void aSheetDroolsCannotReadKeepsItsFailureAndTheOtherSheetsTheirDrl() throws Exception {
        Object[][] broken = criteriaSheet("govgrade.packs.t.broken", "坏表", new Object[] {"gapDays", 7});
        broken[4] = new Object[] {"NAME", "ACTION", "PRIORITY"};
        broken[8] = new Object[] {"gapDays", 7, "soon"};
        Map<String, Object[][]> sheets = new LinkedHashMap<>();
        sheets.put("坏表", broken);
        sheets.put("参数", criteriaSheet("govgrade.packs.t.criteria", "参数", new Object[] {"staleDays", 14}));
        sheets.put("说明", new Object[][] {{"这张表只是说明"}});
        RuleWorkbook wb = read(sheets);

        assertEquals(List.of("坏表", "参数", "说明"), wb.sheetNames());
        assertEquals(List.of("坏表", "参数"), wb.ruleSheets());
        DecisionTableParseException e = assertThrows(DecisionTableParseException.class, () -> wb.drl("坏表"));
        assertTrue(e.getMessage().contains("C9"), e.getMessage());
        assertTrue(wb.drl("参数").contains("rule \"staleDays\""));
    }

    @Test
    void aFileThatIsNotAWorkbookIsAnIoError() {
        IOException e = assertThrows(IOException.class,
                () -> RuleWorkbook.read(new ByteArrayInputStream("not a workbook".getBytes())));
        assertTrue(e.getMessage() != null);
    }
}
