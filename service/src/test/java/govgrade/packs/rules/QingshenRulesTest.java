package govgrade.packs.rules;

import static govgrade.packs.rules.OneSubject.codes;
import static govgrade.packs.rules.OneSubject.grade;
import static govgrade.packs.rules.OneSubject.labels;
import static govgrade.packs.rules.OneSubject.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the Qingshen pack (青神县, quarterly spot checks), one small batch at a time. */
class QingshenRulesTest {

    private static String batch(String accounts, String activity) {
        return "{'pack': 'qingshen', 'period': {'from': '2020-11-24', 'to': '2021-02-22', 'checkDate': '2021-02-22'},"
                + " 'units': [{'id': 'u1', 'name': '青竹街道', 'group': 'township', 'region': '青神县'},"
                + " {'id': 'u2', 'name': '汉阳镇', 'group': 'township', 'region': '青神县'}],"
                + " 'accounts': [" + accounts + "], 'activity': [" + activity + "]}";
    }

    private static GradedRun.Result account(String fields) throws Exception {
        return only(grade(batch("{'id': 'a1', 'name': '锦绣青神', 'platform': '新浪微博', 'unit': 'u1',"
                + " 'lastUpdate': '2021-02-20'" + fields + "}", "")), "new-media");
    }

    private static GradedRun.Result answeredAfter(String answered) throws Exception {
        return account(", 'messages': [{'received': '2021-01-05T09:30:00+08:00', 'answered': '" + answered + "'}]");
    }

    @Test
    void flagsAMessageAnsweredAMinuteAfterTwentyFourHours() throws Exception {
        GradedRun.Result r = answeredAfter("2021-01-06T09:31:00+08:00");
        assertEquals(List.of("UNANSWERED_MESSAGES"), codes(r));
        assertEquals(List.of("留言互动未及时回复"), labels(r));
    }

    @Test
    void acceptsAMessageAnsweredWithinTwentyFourHoursToTheMinute() throws Exception {
        assertEquals(List.of(), codes(answeredAfter("2021-01-06T09:30:00+08:00")));
    }

    @Test
    void flagsAMessageNeverAnswered() throws Exception {
        GradedRun.Result r = account(", 'messages': [{'received': '2021-02-01T09:30:00+08:00'}]");
        assertEquals(List.of("UNANSWERED_MESSAGES"), codes(r));
    }

    @Test
    void anAccountWithNoMessagesHasNothingToAnswer() throws Exception {
        assertEquals(List.of(), codes(account("")));
    }

    @Test
    void printsAnInspectorsFindingInThePacksWords() throws Exception {
        GradedRun.Result r = account(", 'findings': [{'code': 'IMPORTANT_NOT_REPOSTED', 'note': '省委全会精神'}]");
        assertEquals(List.of("IMPORTANT_NOT_REPOSTED"), codes(r));
        assertEquals(List.of("未及时转载重要信息"), labels(r));
    }

    @Test
    void leavesOutAFindingItsProblemTableDoesNotWord() throws Exception {
        assertEquals(List.of(), codes(account(", 'findings': [{'code': 'PERSONAL_ACCOUNT'}]")));
    }

    @Test
    void ranksDisclosureCountsWithinTheGroup() throws Exception {
        GradedRun run = grade(batch("", "{'unit': 'u1', 'channel': 'disclosure', 'posts': 70},"
                + "{'unit': 'u2', 'channel': 'disclosure', 'posts': 68}"));
        assertEquals(1, Fixtures.result(run, "u1", "disclosure").rank());
        assertEquals(2, Fixtures.result(run, "u2", "disclosure").rank());
    }
}
