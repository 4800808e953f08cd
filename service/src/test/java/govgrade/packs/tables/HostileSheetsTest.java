package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.catalog.PackHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cells of Mei county's real workbook edited to smuggle code or break grading. The problem
 * sheet's rows are criteria rules, fired while the pack is built: code that reached the DRL
 * would run at once. Each is refused at its sheet and cell, and the marker a command would
 * create never appears.
 */
class HostileSheetsTest {
    private static final String XLSX = "decision-tables/meixian/meixian.xlsx";

    @TempDir
    Path home;

    private Path marker() {
        return home.resolve("marker");
    }

    private String touch() {
        return "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker() + "\"});";
    }

    /** Applies {@code edit} to a copy of the pack; returns the error at {@code sheet}!{@code cell}, which must exist. */
    private PackError refusedAt(String sheet, String cell, Consumer<Workbook> edit) throws Exception {
        PackCopy.copy("meixian", home);
        PackCopy.editWorkbook(home.resolve(XLSX), edit);
        PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("meixian"));
        assertFalse(Files.exists(marker()), "the command ran");
        return e.errors().stream().filter(x -> XLSX.equals(x.file()) && sheet.equals(x.sheet()) && cell.equals(x.cell()))
                .findFirst().orElseThrow(() -> new AssertionError("nothing at " + sheet + "!" + cell + ": " + e.errors()));
    }

    private static void assertSays(PackError err, String... words) {
        for (String w : words) {
            assertTrue(err.message().contains(w), () -> "'" + w + "' not in: " + err.describe());
        }
    }

    @Nested
    class CodeCells {
        @Test
        void anActionTemplateThatRunsACommand() throws Exception {
            PackError err = refusedAt("问题", "C9", wb -> wb.getSheet("问题").getRow(8).getCell(2)
                    .setCellValue("insert(Criterion.problemLabel(drools, \"$param\")); " + touch()));
            assertSays(err, "\"Runtime\"", "rules may use");
        }

        @Test
        void aFunctionsCell() throws Exception {
            PackError err = refusedAt("问题", "B5", wb -> {
                Row r = wb.getSheet("问题").createRow(4);
                r.createCell(0).setCellValue("Functions");
                r.createCell(1).setCellValue("function void f() { try { " + touch() + " } catch (Exception e) { } }");
            });
            assertSays(err, "functions are not allowed", "function f");
        }

        @Test
        void anImportCell() throws Exception {
            PackError err = refusedAt("问题", "B2", wb -> wb.getSheet("问题").getRow(1).getCell(1)
                    .setCellValue("govgrade.rules.Criterion, java.lang.Runtime"));
            assertSays(err, "\"java.lang.Runtime\" may not be imported");
        }
    }

    @Nested
    class ValueCells {
        @Test
        void aLabelWithQuotesThatWouldCloseItsString() throws Exception {
            String[] at = new String[1];
            PackError err = refusedAt("问题", "C11", wb -> {
                Row r = PackCopy.rowOf(wb, "问题", "NO_UPDATE_7_DAYS");
                at[0] = RuleWorkbook.address(r.getRowNum() + 1, 2);
                r.getCell(2).setCellValue("x\")); java.lang.Runtime.getRuntime().exec(\"touch " + marker() + "\"); (\"");
            });
            assertEquals("C11", at[0]);
            assertSays(err, "双引号", "double quote");
        }

        @Test
        void aTrailingBackslashThatWouldEscapeTheClosingQuote() throws Exception {
            PackError err = refusedAt("问题", "C11", wb -> PackCopy.rowOf(wb, "问题", "NO_UPDATE_7_DAYS").getCell(2)
                    .setCellValue("未更新\\"));
            assertSays(err, "backslash");
        }

        @Test
        void aDescriptionThatWouldEndItsComment() throws Exception {
            PackError err = refusedAt("问题", "B11", wb -> PackCopy.rowOf(wb, "问题", "NO_UPDATE_7_DAYS").getCell(1)
                    .setCellValue("说明 */ then " + touch() + " /*"));
            assertSays(err, "*/");
        }

        @Test
        void aKeyWithAQuoteThatWouldEndTheRuleName() throws Exception {
            PackError err = refusedAt("问题", "A11", wb -> PackCopy.rowOf(wb, "问题", "NO_UPDATE_7_DAYS").getCell(0)
                    .setCellValue("NO_UPDATE_7_DAYS\" salience (1) rule \"x"));
            assertSays(err, "double quote");
        }
    }

    @Nested
    class Numbers {
        private String cell(Workbook wb, String key) {
            return RuleWorkbook.address(PackCopy.rowOf(wb, "参数", key).getRowNum() + 1, 2);
        }

        @Test
        void aFractionInAWholeNumberCell() throws Exception {
            // gapDays is read as integer(...) by the DRL: 5.5 compiled, and every grade of the pack failed.
            PackError err = refusedAt("参数", "C14", wb -> PackCopy.rowOf(wb, "参数", "gapDays").getCell(2).setCellValue(5.5));
            assertSays(err, "应为整数", "whole number", "5.5");
        }

        @Test
        void aDecimalParameterMayStillHoldAFraction() throws Exception {
            PackCopy.copy("meixian", home);
            PackCopy.editWorkbook(home.resolve(XLSX), wb -> PackCopy.rowOf(wb, "参数", "columnsExcellentExcess")
                    .getCell(2).setCellValue(5.5));
            assertEquals(5.5, new PackHome(home).load("meixian").criteria().decimal("columnsExcellentExcess").doubleValue());
        }

        @Test
        void aNumberOutOfRange() throws Exception {
            PackError err = refusedAt("参数", "C14", wb -> PackCopy.rowOf(wb, "参数", "gapDays").getCell(2).setCellValue(3e9));
            assertSays(err, "超出范围", "1,000,000,000");
        }

        @Test
        void aFormulaWithA32767DigitValue() throws Exception {
            String[] at = new String[1];
            PackCopy.copy("meixian", home);
            PackCopy.editWorkbook(home.resolve(XLSX), wb -> {
                at[0] = cell(wb, "gapDays");
                PackCopy.rowOf(wb, "参数", "gapDays").getCell(2).setCellFormula("REPT(\"9\",32767)");
            });
            PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("meixian"));
            PackError err = e.errors().get(0);
            assertEquals("参数", err.sheet(), err.describe());
            assertEquals(at[0], err.cell(), err.describe());
            assertSays(err, "32767", "at most 1000");
            assertTrue(err.message().length() < 400, "the value is not echoed: " + err.message().length());
        }
    }

    @Test
    @Tag("slow") // POI takes tens of seconds to write and read back 100,000 rows on a loaded machine
    void aHundredThousandRowTableIsRefusedByItsLimit() throws Exception {
        PackError err = refusedAt("参数", "A2001", wb -> {
            Sheet s = wb.getSheet("参数");
            int first = s.getLastRowNum() + 1;
            for (int i = 0; i < 100_000; i++) {
                Row r = s.createRow(first + i);
                r.createCell(0).setCellValue("p" + i);
                r.createCell(1).setCellValue("filler");
                r.createCell(2).setCellValue(1);
            }
        });
        assertSays(err, "2000", "limit");
    }
}
