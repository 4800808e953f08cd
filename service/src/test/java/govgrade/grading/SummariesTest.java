package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import govgrade.grading.GradedRun.Result;
import govgrade.grading.GradedRun.SubjectRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummariesTest {

    @Test
    void passRateHasOneDecimalRoundedHalfUp() {
        assertEquals(new BigDecimal("78.4"), Summaries.passRate(58, 74));   // Shangqiu city departments
        assertEquals(new BigDecimal("80.5"), Summaries.passRate(120, 149)); // the whole city
        // 13 of 16 is exactly 81.25: half-up gives 81.3 where banker's rounding would give 81.2.
        assertEquals(new BigDecimal("81.3"), Summaries.passRate(13, 16));
        // 1 of 16 is 6.25: 6.3 half-up.
        assertEquals(new BigDecimal("6.3"), Summaries.passRate(1, 16));
        assertEquals(new BigDecimal("100.0"), Summaries.passRate(5, 5));
        assertNull(Summaries.passRate(0, 0));
    }

    @Test
    void countsPoorAsFailedAndListsGradesPerRegion() {
        List<Result> rs = new ArrayList<>();
        rs.add(result("a", "东区", "PASS"));
        rs.add(result("b", "东区", "POOR"));
        rs.add(result("c", "西区", "EXCELLENT"));
        rs.add(result("d", "西区", "FAIL"));
        rs.add(result("e", "西区", null));
        List<GradedRun.Summary> s = Summaries.of(rs, "全县");
        assertEquals(3, s.size());
        assertEquals("东区", s.get(0).region());
        assertEquals(2, s.get(0).checked());
        assertEquals(1, s.get(0).failed());
        assertEquals(new BigDecimal("50.0"), s.get(0).passRate());
        assertEquals(Map.of("EXCELLENT", 1, "FAIL", 1), s.get(1).grades());
        assertEquals("全县", s.get(2).region());
        assertEquals(4, s.get(2).checked());
        assertEquals(2, s.get(2).failed());
    }

    @Test
    void leavesOutTheTotalWhenThereIsOneRegionOrNoName() {
        List<Result> rs = List.of(result("a", "眉县", "PASS"), result("b", "眉县", "POOR"));
        assertEquals(1, Summaries.of(rs, "全县").size());
        List<Result> two = List.of(result("a", "东区", "PASS"), result("b", "西区", "POOR"));
        assertEquals(2, Summaries.of(two, "").size());
    }

    private static Result result(String id, String region, String grade) {
        return new Result(new SubjectRef("account", id, id, null, region, "wechat"), "new-media", grade, null, null,
                null, List.of(), List.of(), null);
    }
}
