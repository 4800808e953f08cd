package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.ReportSheetEdit;
import govgrade.packs.catalog.PackHome;
import govgrade.rules.ReportWords;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 报表 sheet: the report words a pack gives, read as data, each bad one refused at its cell. */
class ReportSheetTest {
    private static final String XLSX = "decision-tables/shangqiu/shangqiu.xlsx";

    @TempDir
    Path home;

    private CompiledPack load(Consumer<Workbook> edit) throws Exception {
        return load(home, edit);
    }

    private static CompiledPack load(Path home, Consumer<Workbook> edit) throws Exception {
        PackCopy.copy("shangqiu", home);
        PackCopy.editWorkbook(home.resolve(XLSX), edit);
        return new PackHome(home, Fixtures.PACKS_CACHE).load("shangqiu");
    }

    private PackError onlyError(String[]... rows) throws Exception {
        PackRejected e = assertThrows(PackRejected.class, () -> load(wb -> ReportSheetEdit.write(wb, rows)));
        assertEquals(1, e.errors().size(), () -> e.errors().stream().map(PackError::describe).toList().toString());
        PackError err = e.errors().get(0);
        assertEquals(XLSX, err.file());
        assertEquals(ReportSheet.SHEET, err.sheet(), err.describe());
        return err;
    }

    private static void assertSays(PackError err, String cell, String... words) {
        assertEquals(cell, err.cell(), err.describe());
        for (String w : words) {
            assertTrue(err.message().contains(w), () -> "'" + w + "' not in: " + err.message());
        }
    }

    @Test
    void theWordsOfTheSheetReachTheCompiledCriteriaByChannelCodeOrChineseName() throws Exception {
        CompiledPack pack = load(wb -> ReportSheetEdit.write(wb,
                new String[] {"汇总", "通报汇总", "政务新媒体检查情况通报", "the summary"},
                new String[] {"政务新媒体", "附件1 政务新媒体", null, "a sheet name only"},
                new String[] {"news", null, "动态信息更新情况"}));
        ReportWords words = pack.criteria().report();
        assertEquals("通报汇总", words.summarySheet());
        assertEquals("政务新媒体检查情况通报", words.title());
        assertEquals(new ReportWords.ChannelWords("附件1 政务新媒体", null), words.channel("new-media"));
        assertEquals(new ReportWords.ChannelWords(null, "动态信息更新情况"), words.channel("news"));
        assertEquals(List.of("new-media", "news"), List.copyOf(words.channels().keySet()));
    }

    @Test
    void aPackWithoutTheSheetSaysOnlyItsCountysNameAndWithoutThatNothing() throws Exception {
        assertEquals(new ReportWords(null, null, null, "商丘市"), Fixtures.grade("shangqiu").report());
        CompiledPack pack = load(wb -> {
            var row = PackCopy.rowOf(wb, "设置", "displayName");
            row.getSheet().removeRow(row);
        });
        assertTrue(pack.criteria().report().saysNothing());
        assertNull(pack.criteria().displayName());
    }

    @Test
    void editingTheWordsIsANewVersionButNotACodeChange() throws Exception {
        CompiledPack before = load(home.resolve("a"), wb -> ReportSheetEdit.write(wb, new String[] {"政务新媒体", "附件1"}));
        CompiledPack after = load(home.resolve("b"), wb -> ReportSheetEdit.write(wb, new String[] {"政务新媒体", "附件2"}));
        assertTrue(!before.version().equals(after.version()));
        assertEquals(before.source().codeVersion(), after.source().codeVersion());
    }

    @Nested
    class Refused {
        @Test
        void aSheetNameLongerThanExcelAllows() throws Exception {
            assertSays(onlyError(new String[] {"政务新媒体", "政".repeat(32)}), "B2", "过长", "32", "at most 31");
        }

        @Test
        void aSheetNameWithACharacterExcelRefuses() throws Exception {
            assertSays(onlyError(new String[] {"汇总", "汇总"}, new String[] {"news", "快讯/动态"}), "B3",
                    "“快讯/动态”", "does not allow");
        }

        @Test
        void aSheetNameAnotherSheetHasIgnoringCase() throws Exception {
            assertSays(onlyError(new String[] {"汇总", "Annex"}, new String[] {"news", "ANNEX"}), "B3",
                    "重名", "each sheet needs its own name");
        }

        @Test
        void aSheetNameThatIsTheDefaultNameOfAnotherChannel() throws Exception {
            assertSays(onlyError(new String[] {"news", "信息报送"}), "B2", "“信息报送”", "submissions");
        }

        @Test
        void anItemTheReportDoesNotHave() throws Exception {
            assertSays(onlyError(new String[] {"微博", "微博"}), "A2", "“微博”", "not a part of the report");
        }

        @Test
        void anItemNamedTwice() throws Exception {
            assertSays(onlyError(new String[] {"news", "动态信息"}, new String[] {"快讯动态", "动态"}), "A3",
                    "重复", "first at A2");
        }

        @Test
        void wordsWithNoItem() throws Exception {
            assertSays(onlyError(new String[] {null, "动态信息"}), "A2", "“项目”为空");
        }

        @Test
        void aTitleLongerThanAPrintedRow() throws Exception {
            assertSays(onlyError(new String[] {"news", null, "题".repeat(201)}), "C2", "标题过长", "201");
        }
    }
}
