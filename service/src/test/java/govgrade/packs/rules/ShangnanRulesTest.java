package govgrade.packs.rules;

import static govgrade.packs.rules.OneSubject.codes;
import static govgrade.packs.rules.OneSubject.grade;
import static govgrade.packs.rules.OneSubject.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the Shangnan pack (商南县, submissions and adoptions), one small batch at a time. */
class ShangnanRulesTest {

    private static String batch(String activity) {
        return "{'pack': 'shangnan', 'period': {'from': '2021-04-01', 'to': '2021-06-30', 'checkDate': '2021-06-30'},"
                + " 'units': [{'id': 'u1', 'name': '过风楼镇', 'group': 'township', 'region': '商南县'},"
                + " {'id': 'u2', 'name': '赵川镇', 'group': 'township', 'region': '商南县'},"
                + " {'id': 'd1', 'name': '县教体局', 'group': 'department', 'region': '商南县'}],"
                + " 'activity': [" + activity + "]}";
    }

    private static GradedRun.Result submissions(GradedRun run, String unit) {
        return Fixtures.result(run, unit, "submissions");
    }

    private static void assertScore(String expected, GradedRun.Result r) {
        assertEquals(0, new BigDecimal(expected).compareTo(r.score()), "score " + r.score());
    }

    @Test
    void scoresPointTwoPerSubmittedAndOnePerAdoptedItem() throws Exception {
        GradedRun run = grade(batch("{'unit': 'u1', 'channel': 'submissions', 'submitted': 27, 'adopted': 25}"));
        assertScore("30.4", submissions(run, "u1"));
        assertEquals(List.of(), codes(submissions(run, "u1")));
    }

    @Test
    void ranksByScoreDenselyWithinEachGroup() throws Exception {
        GradedRun run = grade(batch("{'unit': 'u1', 'channel': 'submissions', 'submitted': 10, 'adopted': 2},"
                + "{'unit': 'u2', 'channel': 'submissions', 'submitted': 5, 'adopted': 3},"
                + "{'unit': 'd1', 'channel': 'submissions', 'submitted': 1, 'adopted': 0}"));
        // 10 × 0.2 + 2 = 4.0 against 5 × 0.2 + 3 = 4.0: a tie; the department ranks in its own group.
        assertEquals(1, submissions(run, "u1").rank());
        assertEquals(1, submissions(run, "u2").rank());
        assertEquals(1, submissions(run, "d1").rank());
    }

    @Test
    void namesAUnitThatSubmittedNothingAZeroSubmissionUnit() throws Exception {
        GradedRun run = grade(batch("{'unit': 'u1', 'channel': 'submissions', 'submitted': 0, 'adopted': 0}"));
        assertEquals(List.of("ZERO_SUBMISSIONS"), codes(submissions(run, "u1")));
        assertEquals(List.of("零报送"), labels(submissions(run, "u1")));
        assertScore("0", submissions(run, "u1"));
    }

    @Test
    void oneSubmissionIsNotZero() throws Exception {
        GradedRun run = grade(batch("{'unit': 'u1', 'channel': 'submissions', 'submitted': 1, 'adopted': 0}"));
        assertEquals(List.of(), codes(submissions(run, "u1")));
        assertScore("0.2", submissions(run, "u1"));
    }

    @Test
    void namesAUnitListedWithoutASubmissionsEntryAZeroSubmissionUnit() throws Exception {
        GradedRun run = grade(batch("{'unit': 'u1', 'channel': 'submissions', 'submitted': 4, 'adopted': 1}"));
        GradedRun.Result u2 = submissions(run, "u2");
        assertEquals(List.of("ZERO_SUBMISSIONS"), codes(u2));
        assertNull(u2.rank(), "a unit not listed is not ranked");
    }
}
