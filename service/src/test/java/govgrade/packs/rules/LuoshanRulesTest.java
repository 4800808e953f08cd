package govgrade.packs.rules;

import static govgrade.packs.rules.OneSubject.codes;
import static govgrade.packs.rules.OneSubject.grade;
import static govgrade.packs.rules.OneSubject.labels;
import static govgrade.packs.rules.OneSubject.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the Luoshan pack (罗山县, half-yearly), one small batch at a time. */
class LuoshanRulesTest {

    private static String batch(String units, String accounts, String activity) {
        return "{'pack': 'luoshan', 'period': {'from': '2019-01-01', 'to': '2019-06-30', 'checkDate': '2019-06-30'},"
                + " 'units': [" + units + "], 'accounts': [" + accounts + "], 'activity': [" + activity + "]}";
    }

    private static String unit(String id) {
        return "{'id': '" + id + "', 'name': '" + id + "乡', 'group': 'township', 'region': '罗山县'}";
    }

    private static GradedRun.Result account(String lastUpdate) throws Exception {
        return only(grade(batch("", "{'id': 'a1', 'name': '罗山教育', 'platform': '微信公众号', 'lastUpdate': '"
                + lastUpdate + "'}", "")), "new-media");
    }

    @Test
    void marksAnAccountNotUpdatedForFifteenDaysAsTwoWeeksStale() throws Exception {
        GradedRun.Result r = account("2019-06-15");
        assertEquals(List.of("NO_UPDATE_2_WEEKS"), codes(r));
        assertEquals(List.of("两周未更新"), labels(r));
    }

    @Test
    void leavesAnAccountUpdatedFourteenDaysAgoUnmarked() throws Exception {
        assertEquals(List.of(), codes(account("2019-06-16")));
    }

    @Test
    void ranksDisclosureCountsDenselyWithinTheGroup() throws Exception {
        GradedRun run = grade(batch(unit("u1") + "," + unit("u2") + "," + unit("u3"), "",
                "{'unit': 'u1', 'channel': 'disclosure', 'posts': 82},"
                        + "{'unit': 'u2', 'channel': 'disclosure', 'posts': 82},"
                        + "{'unit': 'u3', 'channel': 'disclosure', 'posts': 79}"));
        assertEquals(1, Fixtures.result(run, "u1", "disclosure").rank());
        assertEquals(1, Fixtures.result(run, "u2", "disclosure").rank());
        assertEquals(2, Fixtures.result(run, "u3", "disclosure").rank());
        assertNull(Fixtures.result(run, "u3", "disclosure").grade(), "disclosure is a ranked count only");
    }

    @Test
    void ranksAdoptionByTheCumulativeCountNotTheMonths() throws Exception {
        GradedRun run = grade(batch(unit("u1") + "," + unit("u2"), "",
                "{'unit': 'u1', 'channel': 'adoption', 'adoptedInMonth': 9, 'adopted': 20},"
                        + "{'unit': 'u2', 'channel': 'adoption', 'adoptedInMonth': 1, 'adopted': 21}"));
        assertEquals(2, Fixtures.result(run, "u1", "adoption").rank());
        assertEquals(1, Fixtures.result(run, "u2", "adoption").rank());
    }

    @Test
    void leavesAUnitWithNoAdoptionFigureUnranked() throws Exception {
        GradedRun run = grade(batch(unit("u1") + "," + unit("u2"), "",
                "{'unit': 'u1', 'channel': 'adoption', 'adopted': 3},"
                        + "{'unit': 'u2', 'channel': 'adoption'}"));
        assertEquals(1, Fixtures.result(run, "u1", "adoption").rank());
        assertNull(Fixtures.result(run, "u2", "adoption").rank());
    }
}
