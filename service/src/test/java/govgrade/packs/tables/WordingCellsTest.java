package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.catalog.PackHome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem wording's placeholders checked at the 问题 cell, in Chinese and English. */
class WordingCellsTest {
    private static final String XLSX = "decision-tables/wuding/wuding.xlsx";

    @TempDir
    Path home;

    private PackError refused(String wording) throws Exception {
        PackCopy.copy("wuding", home);
        PackCopy.editWorkbook(home.resolve(XLSX),
                wb -> PackCopy.rowOf(wb, "问题", "NO_NEWS_RUNNING").getCell(2).setCellValue(wording));
        PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home, Fixtures.PACKS_CACHE).load("wuding"));
        assertEquals(1, e.errors().size(), () -> e.errors().stream().map(PackError::describe).toList().toString());
        PackError err = e.errors().get(0);
        assertEquals(XLSX, err.file());
        assertEquals("问题", err.sheet());
        assertEquals("C12", err.cell(), err.describe());
        return err;
    }

    @Test
    void aFormatOtherThanChineseIsRefusedAtItsCell() throws Exception {
        PackError err = refused("连续{months:英文}个月动态信息发布量为零");
        assertTrue(err.message().contains(":中文"), err.message());
    }

    @Test
    void aBraceLeftOpenIsRefusedAtItsCell() throws Exception {
        PackError err = refused("连续{months个月动态信息发布量为零");
        assertTrue(err.message().contains("没有闭合"), err.message());
    }
}
