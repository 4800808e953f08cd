package govgrade.packs.rules;

import static govgrade.packs.rules.OneSubject.codes;
import static govgrade.packs.rules.OneSubject.grade;
import static govgrade.packs.rules.OneSubject.labels;
import static govgrade.packs.rules.OneSubject.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import govgrade.grading.GradedRun;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the Shangqiu pack (商丘市, quarterly new-media check), one small batch at a time. */
class ShangqiuRulesTest {

    private static String batch(String accounts) {
        return "{'pack': 'shangqiu', 'period': {'from': '2020-10-01', 'to': '2020-12-31', 'checkDate': '2020-12-31'},"
                + " 'accounts': [" + accounts + "]}";
    }

    private static String account(String id, String lastUpdate, String findings) {
        return "{'id': '" + id + "', 'name': '梁园市场监管" + id + "', 'platform': '微信公众号', 'region': '梁园区',"
                + " 'lastUpdate': '" + lastUpdate + "', 'findings': [" + findings + "]}";
    }

    private static GradedRun.Result graded(String lastUpdate, String findings) throws Exception {
        return only(grade(batch(account("a1", lastUpdate, findings))), "new-media");
    }

    @Test
    void failsAnAccountNotUpdatedForFifteenDays() throws Exception {
        GradedRun.Result r = graded("2020-12-16", "");
        assertEquals("FAIL", r.grade());
        assertEquals("不合格", r.label());
        assertEquals(List.of("NO_UPDATE_2_WEEKS"), codes(r));
        assertEquals(List.of("内容2周内无更新"), labels(r));
    }

    @Test
    void passesAnAccountUpdatedFourteenDaysBeforeTheCheck() throws Exception {
        GradedRun.Result r = graded("2020-12-17", "");
        assertEquals("PASS", r.grade());
        assertEquals("合格", r.label());
        assertEquals(List.of(), codes(r));
    }

    @Test
    void irregularCertificationIsRecordedButDoesNotFail() throws Exception {
        GradedRun.Result r = graded("2020-12-30", "{'code': 'CERTIFICATION_IRREGULAR'}");
        assertEquals("PASS", r.grade());
        assertEquals(List.of("认证信息不规范"), labels(r));
    }

    @Test
    void printsAPersonalAccountAndASecondAccountOnAPlatformInThePacksWords() throws Exception {
        GradedRun.Result r = graded("2020-12-30", "{'code': 'PERSONAL_ACCOUNT'}, {'code': 'DUPLICATE_PLATFORM_ACCOUNT'}");
        assertEquals("PASS", r.grade());
        assertEquals(List.of("DUPLICATE_PLATFORM_ACCOUNT", "PERSONAL_ACCOUNT"), codes(r).stream().sorted().toList());
        assertEquals(List.of("以个人名义开设政务新媒体", "违背一个单位在同一平台只开设一个政务新媒体账号的原则要求"),
                labels(r).stream().sorted().toList());
    }

    @Test
    void theStaleVetoFailsAnAccountWhateverElseWasRecorded() throws Exception {
        GradedRun.Result r = graded("2020-11-01", "{'code': 'CERTIFICATION_IRREGULAR'}");
        assertEquals("FAIL", r.grade());
        assertEquals(List.of("CERTIFICATION_IRREGULAR", "NO_UPDATE_2_WEEKS"), codes(r).stream().sorted().toList());
    }

    @Test
    void summarisesThePassRateOfARegionWithOneDecimal() throws Exception {
        StringBuilder accounts = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            accounts.append(account("a" + i, i < 2 ? "2020-12-01" : "2020-12-30", "")).append(i < 6 ? "," : "");
        }
        GradedRun.Summary region = grade(batch(accounts.toString())).summaries().stream()
                .filter(s -> s.region().equals("梁园区")).findFirst().orElseThrow();
        assertEquals(7, region.checked());
        assertEquals(2, region.failed());
        assertEquals(0, new BigDecimal("71.4").compareTo(region.passRate()), "5 of 7: " + region.passRate());
    }
}
