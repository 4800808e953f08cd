package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.catalog.PackHome;
import govgrade.packs.PackRejected;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One broken sheet per kind of mistake a policy officer makes, each made from Mei county's real
 * workbook by the edit a person would make in Excel; each yields one message naming its cell.
 */
class BrokenSheetsTest {
    private static final String XLSX = "decision-tables/meixian/meixian.xlsx";

    @TempDir
    Path home;

    /** Applies {@code edit} to a copy of the pack and returns the single error it causes. */
    private PackError onlyError(Consumer<Workbook> edit) throws Exception {
        PackCopy.copy("meixian", home);
        PackCopy.editWorkbook(home.resolve(XLSX), edit);
        PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("meixian"));
        assertEquals(1, e.errors().size(), () -> e.errors().stream().map(PackError::describe).toList().toString());
        PackError err = e.errors().get(0);
        assertEquals(XLSX, err.file());
        return err;
    }

    private static Row row(Workbook wb, String sheet, String key) {
        return PackCopy.rowOf(wb, sheet, key);
    }

    private static String cell(Workbook wb, String sheet, String key, int col) {
        return RuleWorkbook.address(row(wb, sheet, key).getRowNum() + 1, col);
    }

    private static void assertPlace(PackError err, String sheet, String cell, String... words) {
        assertEquals(sheet, err.sheet(), err.describe());
        assertEquals(cell, err.cell(), err.describe());
        for (String w : words) {
            assertTrue(err.message().contains(w), () -> "'" + w + "' not in: " + err.message());
        }
    }

    @Test
    void aWordInANumberCell() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            row(wb, "参数", "newsExcellentMinPosts").getCell(2).setCellValue("四");
            at[0] = cell(wb, "参数", "newsExcellentMinPosts", 2);
        });
        assertPlace(err, "参数", at[0], "应为数字", "“四”", "expected a number");
    }

    @Test
    void anEmptyRequiredCell() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            Row r = row(wb, "问题", "NO_UPDATE_7_DAYS");
            r.removeCell(r.getCell(2));
            at[0] = cell(wb, "问题", "NO_UPDATE_7_DAYS", 2);
        });
        assertPlace(err, "问题", at[0], "为空", "empty required cell");
    }

    @Test
    void anUnknownGradeWord() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            row(wb, "问题", "NO_UPDATE_7_DAYS").getCell(3).setCellValue("很差");
            at[0] = cell(wb, "问题", "NO_UPDATE_7_DAYS", 3);
        });
        assertPlace(err, "问题", at[0], "“很差”", "unknown grade");
    }

    @Test
    void anUnknownGradeCode() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            row(wb, "等级", "POOR").getCell(0).setCellValue("BAD");
            at[0] = cell(wb, "等级", "BAD", 0);
        });
        assertPlace(err, "等级", at[0], "BAD", "unknown grade code");
    }

    @Test
    void anUnknownPlatformName() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            row(wb, "设置", "repostPlatforms").getCell(2).setCellValue("微信公众号、飞信");
            at[0] = cell(wb, "设置", "repostPlatforms", 2);
        });
        assertPlace(err, "设置", at[0], "“飞信”", "unknown platform");
    }

    @Test
    void anUnknownRankingMethod() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            row(wb, "设置", "rankMethod").getCell(2).setCellValue("随便排");
            at[0] = cell(wb, "设置", "rankMethod", 2);
        });
        assertPlace(err, "设置", at[0], "排名方法", "unknown ranking method");
    }

    @Test
    void aDisplayNameThatIsAParagraph() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            row(wb, "设置", "displayName").getCell(2).setCellValue("眉县人民政府办公室关于2023年6月政府网站与政务新媒体检查情况的通报");
            at[0] = cell(wb, "设置", "displayName", 2);
        });
        assertPlace(err, "设置", at[0], "显示名称", "30", "display name");
    }

    @Test
    void aNegativeDayLimit() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            row(wb, "参数", "gapDays").getCell(2).setCellValue(-7);
            at[0] = cell(wb, "参数", "gapDays", 2);
        });
        assertPlace(err, "参数", at[0], "不能为负数", ">= 0");
    }

    @Test
    void aPercentageOver100() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            Row r = row(wb, "参数", "newsMinPosts");
            r.getCell(0).setCellValue("newsPassRate");
            r.getCell(2).setCellValue(120);
            at[0] = cell(wb, "参数", "newsPassRate", 2);
        });
        assertPlace(err, "参数", at[0], "不能超过 100", "from 0 to 100");
    }

    @Test
    void aKeyTwice() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            row(wb, "参数", "originalGapDays").getCell(0).setCellValue("gapDays");
            Row second = wb.getSheet("参数").getRow(row(wb, "参数", "gapDays").getRowNum() + 1);
            at[0] = RuleWorkbook.address(second.getRowNum() + 1, 0);
        });
        assertPlace(err, "参数", at[0], "重复", "appears twice");
    }

    @Test
    void anEmptyKey() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            Row r = row(wb, "参数", "gapDays");
            at[0] = RuleWorkbook.address(r.getRowNum() + 1, 0);
            r.removeCell(r.getCell(0));
        });
        assertPlace(err, "参数", at[0], "代码为空", "empty key");
    }

    @Test
    void wordingWithFromButNoTo() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            row(wb, "问题", "NO_UPDATE_7_DAYS").getCell(2).setCellValue("{from}起信息未更新");
            at[0] = cell(wb, "问题", "NO_UPDATE_7_DAYS", 2);
        });
        assertPlace(err, "问题", at[0], "{from}", "together");
    }

    @Test
    void whereDroolsItselfFailsItsMessageIsMappedBackToTheCell() throws Exception {
        String[] at = new String[1];
        PackError err = onlyError(wb -> {
            // A trailing backslash escapes the closing quote of the string Drools generates.
            row(wb, "问题", "TOO_FEW_RECOMMENDED_REPOSTS").getCell(2).setCellValue("应转载信息数量不足\\");
            at[0] = cell(wb, "问题", "TOO_FEW_RECOMMENDED_REPOSTS", 2);
        });
        assertEquals("问题", err.sheet(), err.describe());
        assertEquals(at[0], err.cell(), err.describe());
    }
}
