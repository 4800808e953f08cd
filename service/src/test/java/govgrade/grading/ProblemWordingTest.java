package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.rules.ProblemWording;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Problem wording placeholders: recorded values, Chinese numerals, and what the sheet check refuses. */
class ProblemWordingTest {

    @Test
    void chineseNumeralsAsACircularWritesACountBeforeAMeasureWord() {
        assertEquals("两", ProblemWording.chinese(2));
        assertEquals("三", ProblemWording.chinese(3));
        assertEquals("十", ProblemWording.chinese(10));
        assertEquals("十二", ProblemWording.chinese(12));
        assertEquals("二十", ProblemWording.chinese(20));
        assertEquals("二十二", ProblemWording.chinese(22));
        assertEquals("一百零五", ProblemWording.chinese(105));
        assertEquals("一百一十", ProblemWording.chinese(110));
        assertEquals("一千零一十", ProblemWording.chinese(1010));
        assertEquals("零", ProblemWording.chinese(0));
        assertEquals("12345", ProblemWording.chinese(12345));
    }

    @Test
    void placeholdersTakeWhatTheRuleRecordedAndOneNotRecordedPrintsAsWritten() {
        Map<String, Object> v = Map.of("months", 2, "posts", new BigDecimal("3.50"));
        assertEquals("连续两个月动态信息发布量为零", ProblemWording.fill("连续{months:中文}个月动态信息发布量为零", v));
        assertEquals("连续2个月,发布3.5条", ProblemWording.fill("连续{months}个月,发布{posts}条", v));
        assertEquals("缺{days}天", ProblemWording.fill("缺{days}天", v));
        assertEquals("3.5", ProblemWording.fill("{posts:中文}", v), "not a whole number: digits");
    }

    @Test
    void theSheetCheckRefusesWhatCanBeToldAtTheCell() {
        assertNull(ProblemWording.check("连续{months:中文}个月动态信息发布量为零"));
        assertNull(ProblemWording.check("{from}至{to}未更新"));
        assertTrue(ProblemWording.check("连续{months个月").chinese().contains("没有闭合"));
        assertTrue(ProblemWording.check("连续months}个月").english().contains("no {"));
        assertTrue(ProblemWording.check("连续{months:英文}个月").english().contains(":中文"));
        assertTrue(ProblemWording.check("连续{月数}个月").english().contains("letters and digits"));
    }
}
