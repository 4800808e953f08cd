package govgrade.packs.rules;

import static govgrade.packs.rules.OneSubject.codes;
import static govgrade.packs.rules.OneSubject.grade;
import static govgrade.packs.rules.OneSubject.labels;
import static govgrade.packs.rules.OneSubject.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import govgrade.grading.GradedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of the Mei county pack (眉县, June 2023), one small batch at a time. */
class MeixianRulesTest {

    private static String batch(String accounts, String columns, String activity, String unitFindings) {
        return "{'pack': 'meixian', 'period': {'from': '2023-06-01', 'to': '2023-06-30', 'checkDate': '2023-06-30'},"
                + " 'units': [{'id': 'u1', 'name': '县财政局', 'group': 'department', 'region': '眉县',"
                + " 'findings': [" + unitFindings + "]}],"
                + " 'accounts': [" + accounts + "], 'columns': [" + columns + "], 'activity': [" + activity + "]}";
    }

    @Nested
    class Columns {
        private GradedRun.Result columns(int updates, String findings) throws Exception {
            return only(grade(batch("", "{'unit': 'u1', 'name': '财政资金信息', 'cadence': '1/month', 'updates': "
                    + updates + ", 'findings': [" + findings + "]}", "", "")), "columns");
        }

        @Test
        void excellentWhenUpdatesExceedThoseDueByFive() throws Exception {
            GradedRun.Result r = columns(6, "");
            assertEquals("EXCELLENT", r.grade());
            assertEquals("优秀", r.label());
        }

        @Test
        void passWhenUpdatesExceedThoseDueByFour() throws Exception {
            assertEquals("PASS", columns(5, "").grade());
        }

        @Test
        void failForASeriousWordingErrorWhateverTheUpdates() throws Exception {
            GradedRun.Result r = columns(30, "{'code': 'SERIOUS_WORDING_ERROR', 'note': '党的二十精神'}");
            assertEquals("FAIL", r.grade());
            assertEquals(List.of("存在严重表述错误"), labels(r));
        }
    }

    @Nested
    class News {
        private GradedRun.Result news(int posts, String findings, String columnFindings) throws Exception {
            String columns = columnFindings.isEmpty() ? "" : "{'unit': 'u1', 'name': '财政资金信息', 'cadence': '1/month',"
                    + " 'updates': 1, 'findings': [" + columnFindings + "]}";
            return only(grade(batch("", columns, "{'unit': 'u1', 'channel': 'news', 'posts': " + posts
                    + ", 'findings': [" + findings + "]}", "")), "news");
        }

        @Test
        void failWithNoPostInTheMonth() throws Exception {
            GradedRun.Result r = news(0, "", "");
            assertEquals("FAIL", r.grade());
            assertEquals(List.of("NO_NEWS"), codes(r));
            assertEquals(List.of("当月未发布快讯动态"), labels(r));
        }

        @Test
        void passWithOnePost() throws Exception {
            GradedRun.Result r = news(1, "", "");
            assertEquals("PASS", r.grade());
            assertEquals(List.of(), codes(r));
        }

        @Test
        void excellentWithFivePostsAndNoErrorAnywhere() throws Exception {
            assertEquals("EXCELLENT", news(5, "", "").grade());
        }

        @Test
        void passWithFourPosts() throws Exception {
            assertEquals("PASS", news(4, "", "").grade());
        }

        @Test
        void failForASeriousWordingErrorInANewsPost() throws Exception {
            GradedRun.Result r = news(11, "{'code': 'SERIOUS_WORDING_ERROR', 'note': '截止目前'}", "");
            assertEquals("FAIL", r.grade());
            assertEquals(List.of("SERIOUS_WORDING_ERROR"), codes(r));
        }

        @Test
        void aSeriousErrorInAColumnBlocksExcellenceButDoesNotFailTheNews() throws Exception {
            GradedRun.Result r = news(11, "", "{'code': 'SERIOUS_WORDING_ERROR', 'note': '自热资源'}");
            assertEquals("PASS", r.grade());
            assertEquals(List.of(), codes(r));
        }
    }

    @Nested
    class NewMedia {
        /**
         * An account's June posts: an original on each day {@code original} accepts, a plain repost
         * on each day {@code repost} accepts, and {@code recommended} recommended reposts on days
         * that already have a post (so they open no gap and close none).
         */
        private String account(String platform, IntPredicate original, IntPredicate repost, int recommended) {
            List<String> posts = new ArrayList<>();
            List<Integer> postedDays = new ArrayList<>();
            for (int day = 1; day <= 30; day++) {
                String date = String.format("'2023-06-%02d'", day);
                if (original.test(day)) {
                    posts.add("{'date': " + date + ", 'original': true}");
                }
                if (repost.test(day)) {
                    posts.add("{'date': " + date + ", 'original': false}");
                }
                if (original.test(day) || repost.test(day)) {
                    postedDays.add(day);
                }
            }
            for (int i = 0; i < recommended; i++) {
                int day = postedDays.get(postedDays.size() - 1 - i % postedDays.size());
                posts.add(String.format("{'date': '2023-06-%02d', 'original': false, 'recommended': true}", day));
            }
            return "{'id': 'a1', 'name': '眉县发布', 'platform': '" + platform + "', 'region': '眉县', 'posts': ["
                    + String.join(",", posts) + "]}";
        }

        private GradedRun.Result graded(String account) throws Exception {
            return only(grade(batch(account, "", "", "")), "new-media");
        }

        @Test
        void poorAfterEightDaysWithoutAnyPostNamingTheGap() throws Exception {
            GradedRun.Result r = graded(account("微信公众号", d -> d > 8, d -> false, 8));
            assertEquals("POOR", r.grade());
            assertEquals("差", r.label());
            assertEquals(List.of("06-01至06-08信息未更新"), labels(r));
        }

        @Test
        void notPoorAfterSevenDaysWithoutAnyPost() throws Exception {
            GradedRun.Result r = graded(account("微信公众号", d -> d > 7, d -> false, 8));
            assertNotEquals("POOR", r.grade());
            assertEquals(List.of(), codes(r));
        }

        @Test
        void poorAfterEightDaysWithoutAnOriginalPost() throws Exception {
            GradedRun.Result r = graded(account("微信公众号", d -> d < 10 || d > 17, d -> true, 8));
            assertEquals("POOR", r.grade());
            assertEquals(List.of("06-10至06-17原创信息未更新"), labels(r));
        }

        @Test
        void notPoorAfterSevenDaysWithoutAnOriginalPost() throws Exception {
            GradedRun.Result r = graded(account("微信公众号", d -> d < 10 || d > 16, d -> true, 8));
            assertNotEquals("POOR", r.grade());
            assertEquals(List.of(), codes(r));
        }

        @Test
        void anOriginalGapInsideAGapWithNoPostAtAllIsNamedOnce() throws Exception {
            GradedRun.Result r = graded(account("微信公众号", d -> d > 10, d -> d > 10, 8));
            assertEquals(List.of("NO_UPDATE_7_DAYS"), codes(r));
        }

        @Test
        void tooFewRecommendedRepostsOnWeChatIsRecordedWithoutChangingTheGrade() throws Exception {
            GradedRun.Result r = graded(account("微信公众号", d -> true, d -> false, 3));
            assertEquals("PASS", r.grade());
            assertEquals(List.of("应转载信息数量不足"), labels(r));
        }

        @Test
        void fourRecommendedRepostsAreEnough() throws Exception {
            assertEquals(List.of(), codes(graded(account("微信公众号", d -> true, d -> false, 4))));
        }

        @Test
        void aDouyinAccountIsNotHeldToRecommendedReposts() throws Exception {
            assertEquals(List.of(), codes(graded(account("抖音", d -> true, d -> false, 0))));
        }

        @Test
        void excellentWithTwentyOriginalsAndNoProblem() throws Exception {
            // Two days in three: 20 originals, never more than a day without one.
            GradedRun.Result r = graded(account("微信公众号", d -> d % 3 != 0, d -> true, 8));
            assertEquals("EXCELLENT", r.grade());
            assertEquals("优秀", r.label());
        }

        @Test
        void passWithNineteenOriginals() throws Exception {
            assertEquals("PASS", graded(account("微信公众号", d -> d % 3 != 0 && d != 1, d -> true, 8)).grade());
        }

        @Test
        void twentyOriginalsWithAProblemAreNotExcellent() throws Exception {
            assertEquals("PASS", graded(account("微信公众号", d -> d % 3 != 0, d -> true, 3)).grade());
        }
    }
}
