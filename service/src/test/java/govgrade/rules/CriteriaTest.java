package govgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CriteriaTest {
    private static Criterion row(Criterion.Kind kind, String key, String value) {
        return new Criterion(kind, key, value);
    }

    @Test
    void assemblesNumbersSettingsLabelsAndProblemsAsTheTablesSetThem() {
        Criteria c = Criteria.of(List.of(
                row(Criterion.Kind.NUMBER, "gapDays", "7"),
                row(Criterion.Kind.NUMBER, "adoptedWeight", "0.5"),
                row(Criterion.Kind.SETTING, "summaryTotal", "全县"),
                row(Criterion.Kind.GRADE_LABEL, "POOR", "差"),
                row(Criterion.Kind.PROBLEM_LABEL, "NO_NEWS", "当月无发布"),
                row(Criterion.Kind.PROBLEM_GRADE, "NO_NEWS", "差"),
                row(Criterion.Kind.PROBLEM_LABEL, "LATE", "回复超时"),
                row(Criterion.Kind.PROBLEM_GRADE, "LATE", "无")), List.of());

        assertEquals(7, c.integer("gapDays"));
        assertEquals(new BigDecimal("0.5"), c.decimal("adoptedWeight"));
        assertEquals("全县", c.summaryTotal());
        assertEquals("差", c.gradeLabel(Grade.POOR));
        assertEquals(Grade.PASS.defaultLabel(), c.gradeLabel(Grade.PASS));
        assertEquals(Grade.POOR, c.vetoGrade("NO_NEWS"), "a grade word is read through the pack's own labels");
        assertNull(c.vetoGrade("LATE"), "无 records the problem without a veto");
        assertTrue(c.hasProblem("LATE") && c.declares("gapDays"));
        assertFalse(c.declares("staleDays"));
        assertEquals(RankMethod.DENSE, c.rankMethod(), "dense ranking unless a table says otherwise");
    }

    @Test
    void problemsPrintInTheOrderOfTheirTableRows() {
        Criteria c = Criteria.of(List.of(
                row(Criterion.Kind.PROBLEM_LABEL, "B", "乙"),
                row(Criterion.Kind.PROBLEM_LABEL, "A", "甲")), List.of("A", "B"));
        assertEquals(0, c.problemOrder("A"));
        assertEquals(1, c.problemOrder("B"));
        assertEquals(Integer.MAX_VALUE, c.problemOrder("C"));
    }

    @Nested
    class ValuesATypedCriterionCannotHoldAreRefusedWithTheirKey {

        @Test
        void aNumberInWords() {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Criteria.of(List.of(row(Criterion.Kind.NUMBER, "gapDays", "七")), List.of()));
            assertTrue(e.getMessage().startsWith("gapDays: found \"七\""), e.getMessage());
        }

        @Test
        void anUnknownGradeCode() {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Criteria.of(List.of(row(Criterion.Kind.GRADE_LABEL, "BAD", "差")), List.of()));
            assertTrue(e.getMessage().contains("BAD"), e.getMessage());
        }

        @Test
        void anUnknownRankingMethod() {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Criteria.of(List.of(row(Criterion.Kind.SETTING, Criteria.RANK_METHOD, "随便排")), List.of()));
            assertTrue(e.getMessage().contains("随便排"), e.getMessage());
        }
    }
}
