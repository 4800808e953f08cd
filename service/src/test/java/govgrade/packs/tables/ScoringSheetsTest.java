package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.ScoringSheetEdit;
import govgrade.packs.catalog.PackHome;
import govgrade.rules.Criteria;
import govgrade.rules.Grade;
import govgrade.rules.ScoringTables;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring sheets (分档, 扣分, 加权, 比率) of a real workbook: read as data, each bad cell refused at its place. */
class ScoringSheetsTest {
    private static final String XLSX = "decision-tables/shangnan/shangnan.xlsx";
    private static final Object[][] BANDS = {{null, 60, "不合格"}, {60, 80, "合格"}, {80, 90, "良好"}, {90, null, "EXCELLENT"}};

    @TempDir
    Path home;

    private CompiledPack load(Consumer<Workbook> edit) throws Exception {
        return load(home, edit);
    }

    private static CompiledPack load(Path home, Consumer<Workbook> edit) throws Exception {
        PackCopy.copy("shangnan", home);
        PackCopy.editWorkbook(home.resolve(XLSX), edit);
        return new PackHome(home, Fixtures.PACKS_CACHE).load("shangnan");
    }

    private PackError onlyError(String sheet, Consumer<Workbook> edit) {
        PackRejected e = assertThrows(PackRejected.class, () -> load(edit));
        assertEquals(1, e.errors().size(), () -> e.errors().stream().map(PackError::describe).toList().toString());
        PackError err = e.errors().get(0);
        assertEquals(XLSX, err.file());
        assertEquals(sheet, err.sheet(), err.describe());
        return err;
    }

    private static void assertSays(PackError err, String cell, String... words) {
        assertEquals(cell, err.cell(), err.describe());
        for (String w : words) {
            assertTrue(err.message().contains(w), () -> "'" + w + "' not in: " + err.message());
        }
    }

    @Test
    void eachKindIsReadByTheNameOfItsSheet() throws Exception {
        Criteria c = load(wb -> {
            ScoringSheetEdit.bands(wb, "等级分档", BANDS);
            ScoringSheetEdit.deductions(wb, "扣分", 100, 52, new Object[] {"ZERO_SUBMISSIONS", 30, null});
            ScoringSheetEdit.weights(wb, "得分权重", new Object[] {"submitted", 0.2}, new Object[] {"采用数", 1});
            ScoringSheetEdit.rate(wb, "采用率", "adopted", "报送数", 100, 1, "截断", "空");
        }).criteria();
        assertEquals(Grade.FAIL, c.band("等级分档", 59.9));
        assertEquals(Grade.PASS, c.band("等级分档", 60));
        assertEquals(Grade.GOOD, c.band("等级分档", new BigDecimal("89.99")));
        assertEquals(Grade.EXCELLENT, c.band("等级分档", 90));
        assertEquals(Grade.FAIL, c.band("等级分档", -5));
        assertEquals(0, new BigDecimal("70").compareTo(c.deduct("扣分", Map.of("ZERO_SUBMISSIONS", 1))));
        assertEquals(0, new BigDecimal("52").compareTo(c.deduct("扣分", Map.of("ZERO_SUBMISSIONS", 2))), "the floor");
        assertEquals(0, new BigDecimal("100").compareTo(c.deduct("扣分", List.of("NOT_SCORED"))), "a code without a row");
        assertEquals(new BigDecimal("92.5"), c.rate("采用率", 25, 27), "截断 cuts 92.59 to 92.5");
        assertNull(c.rate("采用率", 0, 0), "分母为零时 空");
        assertEquals(ScoringTables.Kind.WEIGHTED, c.scoring().kindOf("得分权重"));
        assertEquals(List.of("等级分档"), c.scoring().names(ScoringTables.Kind.BAND));
    }

    @Test
    void aGradeMayBeTheWordOfTheWorkbooksGradeSheetAndARateRoundsHalfUpByDefault() throws Exception {
        Criteria c = load(wb -> {
            ScoringSheetEdit.bands(wb, "分档", new Object[] {null, 1, "差"}, new Object[] {1, null, "PASS"});
            ScoringSheetEdit.rate(wb, "采纳率", "adopted", "submitted", 100, 1, null, 0);
        }).criteria();
        assertEquals(Grade.POOR, c.band("分档", 0));
        assertEquals(new BigDecimal("57.1"), c.rate("采纳率", 16, 28));
        assertEquals(new BigDecimal("53.3"), c.rate("采纳率", 8, 15));
        assertEquals(BigDecimal.ZERO, c.rate("采纳率", 0, 0));
    }

    @Test
    void editingAValueKeepsTheCodeHashButAddingATableChangesIt() throws Exception {
        CompiledPack before = load(home.resolve("a"), wb -> ScoringSheetEdit.bands(wb, "等级分档", BANDS));
        CompiledPack after = load(home.resolve("b"), wb -> ScoringSheetEdit.bands(wb, "等级分档",
                new Object[] {null, 60, "不合格"}, new Object[] {60, 85, "合格"}, new Object[] {85, 90, "良好"},
                new Object[] {90, null, "EXCELLENT"}));
        CompiledPack none = load(home.resolve("c"), wb -> { });
        assertNotEquals(before.version(), after.version());
        assertEquals(before.source().codeVersion(), after.source().codeVersion());
        assertNotEquals(none.source().codeVersion(), before.source().codeVersion());
        assertEquals(Grade.GOOD, before.criteria().band("等级分档", 82));
        assertEquals(Grade.PASS, after.criteria().band("等级分档", 82));
    }

    @Test
    void aRelabelledHeaderIsACodeChange() throws Exception {
        CompiledPack a = load(home.resolve("a"), wb -> ScoringSheetEdit.weights(wb, "得分权重", new Object[] {"posts", 1}));
        CompiledPack b = load(home.resolve("b"), wb -> ScoringSheetEdit.write(wb, "得分权重", "加权",
                new Object[] {"数据项", "权重", "说明"}, new Object[] {"posts", 1}));
        assertNotEquals(a.source().codeVersion(), b.source().codeVersion());
    }

    @Nested
    class BandsRefused {
        @Test
        void aBoundThatIsNotANumber() {
            assertSays(onlyError("分档", wb -> ScoringSheetEdit.bands(wb, "分档", new Object[] {null, "六十", "不合格"},
                    new Object[] {60, null, "合格"})), "B3", "“上限”应为数字", "六十", "must be a number");
        }

        @Test
        void anUpperBoundNotAboveTheLower() {
            assertSays(onlyError("分档", wb -> ScoringSheetEdit.bands(wb, "分档", new Object[] {null, 60, "不合格"},
                    new Object[] {60, 60, "合格"}, new Object[] {80, null, "优秀"})), "B4", "须大于下限", "A4");
        }

        @Test
        void twoBandsThatOverlapNamingBothCells() {
            assertSays(onlyError("分档", wb -> ScoringSheetEdit.bands(wb, "分档", new Object[] {null, 60, "不合格"},
                    new Object[] {60, 85, "合格"}, new Object[] {80, null, "优秀"})), "A5", "重叠", "B4", "A5", "overlap");
        }

        @Test
        void aGapBetweenTwoBandsNamingBothCells() {
            assertSays(onlyError("分档", wb -> ScoringSheetEdit.bands(wb, "分档", new Object[] {null, 60, "不合格"},
                    new Object[] {61, null, "合格"})), "A4", "空档", "B3", "gap");
        }

        @Test
        void anOpenLowerBoundOnASecondRowOverlaps() {
            assertSays(onlyError("分档", wb -> ScoringSheetEdit.bands(wb, "分档", new Object[] {null, 60, "不合格"},
                    new Object[] {null, null, "合格"})), "A4", "重叠");
        }

        @Test
        void anUnknownGrade() {
            assertSays(onlyError("分档", wb -> ScoringSheetEdit.bands(wb, "分档", new Object[] {null, 60, "很差"},
                    new Object[] {60, null, "合格"})), "C3", "等级“很差”不认识", "unknown grade");
        }

        @Test
        void aSheetWithoutItsHeader() {
            assertSays(onlyError("分档", wb -> ScoringSheetEdit.write(wb, "分档", "分档", new Object[] {"下限", "等级"},
                    new Object[] {0, "合格"})), "A2", "缺少 上限", "missing: 上限");
        }
    }

    @Nested
    class DeductionsRefused {
        @Test
        void aProblemCodeTheProblemSheetDoesNotWord() {
            assertSays(onlyError("扣分", wb -> ScoringSheetEdit.deductions(wb, "扣分", 100, 0,
                    new Object[] {"LATE", 5, null})), "A5", "问题代码“LATE”不在问题表中", "no wording");
        }

        @Test
        void pointsThatAreNotANumber() {
            assertSays(onlyError("扣分", wb -> ScoringSheetEdit.deductions(wb, "扣分", 100, 0,
                    new Object[] {"ZERO_SUBMISSIONS", "五分", null})), "B5", "“每次扣分”应为数字");
        }

        @Test
        void aNegativeCap() {
            assertSays(onlyError("扣分", wb -> ScoringSheetEdit.deductions(wb, "扣分", 100, 0,
                    new Object[] {"ZERO_SUBMISSIONS", 5, -1})), "C5", "不能小于 0");
        }

        @Test
        void aCodeTwice() {
            assertSays(onlyError("扣分", wb -> ScoringSheetEdit.deductions(wb, "扣分", 100, 0,
                    new Object[] {"ZERO_SUBMISSIONS", 5, null}, new Object[] {"ZERO_SUBMISSIONS", 3, null})), "A6",
                    "重复", "first at A5");
        }

        @Test
        void noStartScore() {
            assertSays(onlyError("扣分", wb -> ScoringSheetEdit.deductions(wb, "扣分", null, 0,
                    new Object[] {"ZERO_SUBMISSIONS", 5, null})), "B2", "“满分”为空");
        }

        @Test
        void aFloorNotBelowTheStart() {
            assertSays(onlyError("扣分", wb -> ScoringSheetEdit.deductions(wb, "扣分", 100, 100,
                    new Object[] {"ZERO_SUBMISSIONS", 5, null})), "B3", "最低分须低于满分");
        }
    }

    @Nested
    class WeightsAndRatesRefused {
        @Test
        void aFigureTheServiceDoesNotHave() {
            assertSays(onlyError("得分权重", wb -> ScoringSheetEdit.weights(wb, "得分权重", new Object[] {"likes", 1})),
                    "A3", "数据项“likes”不认识", "submitted");
        }

        @Test
        void aWeightThatIsNotANumber() {
            assertSays(onlyError("得分权重", wb -> ScoringSheetEdit.weights(wb, "得分权重", new Object[] {"posts", "一"})),
                    "B3", "“权重”应为数字");
        }

        @Test
        void anUnknownRounding() {
            assertSays(onlyError("采纳率", wb -> ScoringSheetEdit.rate(wb, "采纳率", "adopted", "submitted", 100, 1,
                    "五入", 0)), "E3", "舍入方式“五入”不认识", "四舍五入");
        }

        @Test
        void placesThatAreNotAWholeNumber() {
            assertSays(onlyError("采纳率", wb -> ScoringSheetEdit.rate(wb, "采纳率", "adopted", "submitted", 100, 1.5,
                    "四舍五入", 0)), "D3", "“小数位”应为 0 到 6 的整数");
        }

        @Test
        void aZeroValueThatIsNeitherANumberNorEmpty() {
            assertSays(onlyError("采纳率", wb -> ScoringSheetEdit.rate(wb, "采纳率", "adopted", "submitted", 100, 1,
                    "四舍五入", "无")), "F3", "应为数字");
        }

        @Test
        void twoRatesOnOneSheet() {
            assertSays(onlyError("采纳率", wb -> ScoringSheetEdit.write(wb, "采纳率", "比率",
                    new Object[] {"分子", "分母", "倍数", "小数位", "舍入", "分母为零时"},
                    new Object[] {"adopted", "submitted", 100, 1, null, 0}, new Object[] {"posts", "due", 100, 1, null, 0})),
                    "A4", "只能有一行", "exactly one row");
        }
    }
}
