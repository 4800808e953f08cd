package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Each kind of place a value cell goes in the DRL Drools generates, with the value that would
 * turn into code there: refused at its cell; the plain values beside it pass.
 */
class ValueCellChecksTest {

    /** A one-table sheet: column types, the code row, then {@code data} rows from row 7. */
    private static RuleWorkbook table(String[] types, String[] code, String[]... data) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("表");
            String[][] head = {{"RuleSet", "govgrade.packs.t.bands"}, {"RuleTable 表"}, types,
                    {"$x : UnitActivity"}, code, {}};
            int r = 0;
            for (String[] cells : head) {
                write(s.createRow(r++), cells);
            }
            for (String[] cells : data) {
                write(s.createRow(r++), cells);
            }
            wb.write(out);
            return RuleWorkbook.read(new ByteArrayInputStream(out.toByteArray()));
        }
    }

    private static void write(Row row, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }

    private static List<String> refusedCells(RuleWorkbook wb) {
        return ValueCellChecks.check(wb).stream().map(TableCheck::cell).toList();
    }

    @Test
    void aBareNumberPlaceTakesOnlyANumber() throws Exception {
        RuleWorkbook wb = table(new String[] {"CONDITION", "ACTION"},
                new String[] {"posts >= $param", "insert( Verdict.of( drools, $x, \"$param\" ) );"},
                new String[] {"5", "PASS"}, new String[] {"2.5", "PASS"},
                new String[] {"1 || java.lang.Runtime.getRuntime().exec(\"x\") != null", "FAIL"});
        assertEquals(List.of("A9"), refusedCells(wb));
        assertTrue(ValueCellChecks.check(wb).get(0).message().contains("expected a number"));
    }

    @Test
    void aQuotedPlaceTakesNoQuoteBackslashOrLineBreak() throws Exception {
        RuleWorkbook wb = table(new String[] {"CONDITION", "ACTION"},
                new String[] {"channelCode == \"$param\"", "insert( Verdict.of( drools, $x, \"$param\" ) );"},
                new String[] {"news", "合格"}, new String[] {"news", "a\\"}, new String[] {"news\") || (\"", "x"},
                new String[] {"news", "two\nlines"});
        assertEquals(List.of("B8", "A9", "B10"), refusedCells(wb));
    }

    @Test
    void aFieldNameAloneIsComparedWithTheValueInQuotes() throws Exception {
        RuleWorkbook wb = table(new String[] {"CONDITION"}, new String[] {"channelCode"},
                new String[] {"news"}, new String[] {"a\" || true || \"b"});
        assertEquals(List.of("A8"), refusedCells(wb));
    }

    @Test
    void aPriorityIsAWholeNumberNotAnExpression() throws Exception {
        RuleWorkbook wb = table(new String[] {"PRIORITY", "ACTION"},
                new String[] {"", "insert( Verdict.of( drools, $x, \"PASS\" ) );"},
                new String[] {"10", "x"}, new String[] {"(java.lang.Runtime.getRuntime().availableProcessors())", "x"});
        assertEquals(List.of("A8"), refusedCells(wb));
    }

    @Test
    void aTimerColumnTakesNoValues() throws Exception {
        RuleWorkbook wb = table(new String[] {"TIMER", "ACTION"},
                new String[] {"", "insert( Verdict.of( drools, $x, \"PASS\" ) );"}, new String[] {"int: 1s", "x"});
        assertEquals(List.of("A7"), refusedCells(wb));
    }

    @Test
    void placeholdersInsideAndOutsideQuotesAreToldApart() {
        assertEquals(List.of(false, true, false), ValueCellChecks.placeholders("f( $1, \"$2\", $x.g( $param ) )"));
        assertEquals(List.of(), ValueCellChecks.placeholders("$x.flag()"));
    }
}
