package govgrade.facts;

import static govgrade.facts.BatchEdits.assertMentions;
import static govgrade.facts.BatchEdits.edited;
import static govgrade.facts.BatchEdits.only;
import static govgrade.facts.BatchEdits.read;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The values of accounts, columns and activity: counts, aggregates against posts, platforms, cadences. */
class BatchValuesTest {

    @Nested
    class Counts {

        @Test
        void refusesNegativeOriginals() {
            Violation v = only(edited("\"id\": \"a-edu\",", "\"id\": \"a-edu\", \"originals\": -1,"));
            assertAll(
                    () -> assertEquals("accounts[0].originals", v.path()),
                    () -> assertMentions(v.found(), "-1"),
                    () -> assertMentions(v.expected(), ">= 0"));
        }

        @Test
        void refusesNegativeSubmitted() {
            Violation v = only(edited("\"submitted\": 27", "\"submitted\": -2"));
            assertAll(
                    () -> assertEquals("activity[0].submitted", v.path()),
                    () -> assertMentions(v.found(), "-2"),
                    () -> assertMentions(v.expected(), ">= 0"));
        }

        @Test
        void refusesNegativeColumnUpdates() {
            Violation v = only(edited("\"updates\": 6", "\"updates\": -1"));
            assertAll(
                    () -> assertEquals("columns[0].updates", v.path()),
                    () -> assertMentions(v.found(), "-1"),
                    () -> assertMentions(v.expected(), ">= 0"));
        }
    }

    @Nested
    class PostsAgainstAggregates {

        @Test
        void refusesLastUpdateOtherThanTheNewestPost() {
            Violation v = only(edited("\"id\": \"a-edu\",", "\"id\": \"a-edu\", \"lastUpdate\": \"2023-06-19\","));
            assertAll(
                    () -> assertEquals("accounts[0].lastUpdate", v.path()),
                    () -> assertMentions(v.found(), "2023-06-19"),
                    () -> assertMentions(v.expected(), "2023-06-20"));
        }

        @Test
        void refusesOriginalsOtherThanCountedOriginals() {
            // posts hold one original (06-02) and one repost (06-20)
            Violation v = only(edited("\"id\": \"a-edu\",", "\"id\": \"a-edu\", \"originals\": 2,"));
            assertAll(
                    () -> assertEquals("accounts[0].originals", v.path()),
                    () -> assertMentions(v.found(), "2"),
                    () -> assertTrue(v.expected().startsWith("1"), v.expected()));
        }

        @Test
        void refusesRecommendedRepostsOtherThanCounted() {
            Violation v = only(edited("\"id\": \"a-edu\",", "\"id\": \"a-edu\", \"recommendedReposts\": 0,"));
            assertAll(
                    () -> assertEquals("accounts[0].recommendedReposts", v.path()),
                    () -> assertMentions(v.found(), "0"),
                    () -> assertTrue(v.expected().startsWith("1"), v.expected()),
                    () -> assertMentions(v.expected(), "recommended"));
        }

        @Test
        void refusesRepostsOtherThanCountedReposts() {
            Violation v = only(edited("\"id\": \"a-edu\",", "\"id\": \"a-edu\", \"reposts\": 4,"));
            assertEquals("accounts[0].reposts", v.path());
            assertMentions(v.found(), "4");
            assertTrue(v.expected().startsWith("1"), v.expected());
        }

        @Test
        void acceptsAggregatesThatAgreeWithPosts() {
            Batch b = read(edited("\"id\": \"a-edu\",", "\"id\": \"a-edu\", \"lastUpdate\": \"2023-06-20\", "
                    + "\"originals\": 1, \"reposts\": 1, \"recommendedReposts\": 1,"));
            assertEquals(1, b.accounts().get(0).originals());
        }

        @Test
        void refusesLongestGapThatDisagreesWithPosts() {
            // posts on 06-02 and 06-20: the longest run without a post is 06-03..06-19, not 06-10..06-11
            Violation v = only(edited("\"id\": \"a-edu\",",
                    "\"id\": \"a-edu\", \"longestGap\": { \"from\": \"2023-06-10\", \"to\": \"2023-06-11\" },"));
            assertMentions(v.path(), "accounts[0].longestGap");
        }
    }

    @Nested
    class Platforms {

        @Test
        void refusesUnknownPlatformListingCodesAndChineseNames() {
            Violation v = only(edited("\"platform\": \"wechat\"", "\"platform\": \"myspace\""));
            assertAll(
                    () -> assertEquals("accounts[0].platform", v.path()),
                    () -> assertMentions(v.found(), "myspace"),
                    () -> assertMentions(v.expected(), "wechat", "微信公众号", "weibo", "douyin"));
        }

        @ParameterizedTest
        @CsvSource({"微信订阅号, WECHAT", "新浪微博, WEIBO", "抖音号, DOUYIN", "客户端, APP", "微信公众号, WECHAT",
                "视频号, WECHAT_CHANNELS", "今日头条, TOUTIAO"})
        void acceptsChinesePlatformName(String name, Platform expected) {
            Batch b = read(edited("\"platform\": \"wechat\"", "\"platform\": \"" + name + "\""));
            assertEquals(expected, b.accounts().get(0).platform());
        }
    }

    @Nested
    class Cadences {

        @Test
        void refusesUnknownCadence() {
            Violation v = only(edited("\"cadence\": \"2/month\"", "\"cadence\": \"now and then\""));
            assertAll(
                    () -> assertEquals("columns[0].cadence", v.path()),
                    () -> assertMentions(v.found(), "now and then"),
                    () -> assertMentions(v.expected(), "realtime", "N/month", "实时更新", "N条/月"));
        }

        @ParameterizedTest
        @CsvSource({"实时更新, 0, REALTIME", "2条/月, 2, MONTH", "1条/季度, 1, QUARTER", "1条/半年, 1, HALF_YEAR",
                "1条/年, 1, YEAR", "3/week, 3, WEEK", "1/half-year, 1, HALF_YEAR"})
        void acceptsCadenceForm(String text, int count, Cadence.Unit unit) {
            Batch b = read(edited("\"cadence\": \"2/month\"", "\"cadence\": \"" + text + "\""));
            Cadence c = b.columns().get(0).cadence();
            assertEquals(count, c.count());
            assertEquals(unit, c.unit());
        }
    }
}
