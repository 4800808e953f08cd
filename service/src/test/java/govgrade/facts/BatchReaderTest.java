package govgrade.facts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BatchReaderTest {

    /** A small valid batch; each test edits one spot of it. */
    private static final String VALID = """
            {
              "pack": "meixian",
              "period": { "from": "2023-06-01", "to": "2023-06-30", "checkDate": "2023-06-30" },
              "units": [
                { "id": "u-edu", "name": "县教体局", "group": "department", "region": "眉县" },
                { "id": "u-town", "name": "首善街道", "group": "township", "region": "眉县" }
              ],
              "accounts": [
                { "id": "a-edu", "name": "眉县教育", "platform": "wechat", "unit": "u-edu",
                  "posts": [ { "date": "2023-06-02", "original": true, "recommended": false },
                             { "date": "2023-06-20", "original": false, "recommended": true } ] },
                { "id": "a-town", "name": "首善发布", "platform": "weibo", "unit": "u-town",
                  "lastUpdate": "2023-06-28", "originals": 3, "reposts": 1, "recommendedReposts": 0 }
              ],
              "columns": [
                { "unit": "u-edu", "name": "义务教育和体育信息", "cadence": "2/month", "updates": 6 }
              ],
              "activity": [
                { "unit": "u-town", "channel": "submissions", "submitted": 27, "adopted": 25 },
                { "unit": "u-edu", "channel": "news", "posts": 11 }
              ]
            }
            """;

    /** VALID with each (target, replacement) pair applied; every target must occur exactly once. */
    private static String edited(String... pairs) {
        String json = VALID;
        for (int i = 0; i < pairs.length; i += 2) {
            String target = pairs[i];
            int at = json.indexOf(target);
            if (at < 0 || json.indexOf(target, at + 1) >= 0) {
                fail("test setup: \"" + target + "\" must occur exactly once in the batch");
            }
            json = json.replace(target, pairs[i + 1]);
        }
        return json;
    }

    private static InputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Batch read(String json) {
        return read(json, null);
    }

    private static Batch read(String json, String packFromUrl) {
        try {
            return BatchReader.read(in(json), packFromUrl);
        } catch (BatchRejected e) {
            return fail("batch rejected: " + e.violations());
        } catch (IOException e) {
            return fail(e);
        }
    }

    private static List<Violation> violations(String json) {
        BatchRejected e = assertThrows(BatchRejected.class, () -> BatchReader.read(in(json), null));
        assertTrue(!e.violations().isEmpty(), "a rejection names at least one violation");
        return e.violations();
    }

    /** The single violation of a batch with exactly one thing wrong. */
    private static Violation only(String json) {
        List<Violation> all = violations(json);
        assertEquals(1, all.size(), () -> "expected exactly one violation, got " + all);
        return all.get(0);
    }

    /** The violation at {@code path} among possibly several. */
    private static Violation at(List<Violation> all, String path) {
        return all.stream().filter(v -> v.path().equals(path)).findFirst()
                .orElseGet(() -> fail("no violation at " + path + " in " + all));
    }

    private static void assertMentions(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "\"" + text + "\" should mention \"" + part + "\"");
        }
    }

    @Test
    void acceptsTheValidBaseBatch() {
        Batch b = read(VALID);
        assertAll(
                () -> assertEquals("meixian", b.pack()),
                () -> assertEquals(2, b.units().size()),
                () -> assertEquals(2, b.accounts().size()),
                () -> assertEquals(1, b.columns().size()),
                () -> assertEquals(2, b.activity().size()));
    }

    @Nested
    class Binding {

        @Test
        void reportsMalformedJsonAtTheRootWithItsLine() {
            // The comma after "pack" is missing: the parser stumbles on line 3 ("period").
            Violation v = only(edited("\"pack\": \"meixian\",", "\"pack\": \"meixian\""));
            assertAll(
                    () -> assertEquals("$", v.path()),
                    () -> assertMentions(v.found(), "malformed JSON", "line 3"),
                    () -> assertMentions(v.expected(), "JSON object"));
        }

        @Test
        void reportsTruncatedJsonAsMalformed() {
            Violation v = only("{ \"pack\": \"meixian\", ");
            assertEquals("$", v.path());
            assertMentions(v.found(), "malformed JSON");
        }

        @Test
        void refusesUnknownAccountFieldListingTheKnownOnes() {
            Violation v = only(edited("\"id\": \"a-edu\",", "\"id\": \"a-edu\", \"colour\": \"red\","));
            assertAll(
                    () -> assertEquals("accounts[0].colour", v.path()),
                    () -> assertMentions(v.found(), "unknown field", "colour"),
                    () -> assertMentions(v.expected(), "originals", "posts", "lastUpdate", "platform",
                            "recommendedReposts", "longestGap"));
        }

        @Test
        void refusesUnknownTopLevelField() {
            Violation v = only(edited("\"pack\": \"meixian\",", "\"pack\": \"meixian\", \"packs\": [],"));
            assertAll(
                    () -> assertEquals("packs", v.path()),
                    () -> assertMentions(v.found(), "packs"),
                    () -> assertMentions(v.expected(), "accounts", "activity", "columns", "pack", "period", "units"));
        }

        @Test
        void refusesStringWhereWholeNumberIsExpected() {
            Violation v = only(edited("\"originals\": 3", "\"originals\": \"5\""));
            assertAll(
                    () -> assertEquals("accounts[1].originals", v.path()),
                    () -> assertMentions(v.found(), "string"),
                    () -> assertMentions(v.expected(), "whole number"));
        }

        @Test
        void namesTheOffendingStringInFound() {
            Violation v = only(edited("\"originals\": 3", "\"originals\": \"5\""));
            assertMentions(v.found(), "\"5\"");
        }

        @Test
        void refusesFractionalCount() {
            Violation v = only(edited("\"originals\": 3", "\"originals\": 5.5"));
            assertAll(
                    () -> assertEquals("accounts[1].originals", v.path()),
                    () -> assertMentions(v.found(), "5.5"),
                    () -> assertMentions(v.expected(), "whole number"));
        }

        @Test
        void refusesImpossibleDateAtItsExactPath() {
            Violation v = only(edited("\"2023-06-20\"", "\"2020-13-01\""));
            assertAll(
                    () -> assertEquals("accounts[0].posts[1].date", v.path()),
                    () -> assertMentions(v.found(), "2020-13-01"),
                    () -> assertMentions(v.expected(), "YYYY-MM-DD"));
        }

        @Test
        void refusesStringWhereBooleanIsExpected() {
            Violation v = only(edited("\"original\": true,", "\"original\": \"yes\","));
            assertAll(
                    () -> assertEquals("accounts[0].posts[0].original", v.path()),
                    () -> assertMentions(v.expected(), "true or false"));
        }

        @Test
        void refusesArrayWhereBatchObjectIsExpected() {
            Violation v = only("[]");
            assertEquals("$", v.path());
            assertMentions(v.found(), "array");
        }

        @Test
        void reportsTrailingContentAfterTheBatch() {
            Violation v = only(VALID + " { }");
            assertEquals("$", v.path());
            assertTrue(!v.found().equals("an object") || !v.expected().equals("an object"),
                    () -> "message should say what is wrong: " + v.message());
            assertMentions((v.found() + " " + v.expected()).toLowerCase(), "trailing");
        }
    }

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
    class UnitReferences {

        @Test
        void refusesAccountOfUnknownUnit() {
            Violation v = only(edited("\"platform\": \"weibo\", \"unit\": \"u-town\"",
                    "\"platform\": \"weibo\", \"unit\": \"u-nowhere\""));
            assertAll(
                    () -> assertEquals("accounts[1].unit", v.path()),
                    () -> assertMentions(v.found(), "u-nowhere"),
                    () -> assertMentions(v.expected(), "units"));
        }

        @Test
        void refusesColumnOfUnknownUnit() {
            Violation v = only(edited("{ \"unit\": \"u-edu\", \"name\": \"义务教育",
                    "{ \"unit\": \"u-edux\", \"name\": \"义务教育"));
            assertAll(
                    () -> assertEquals("columns[0].unit", v.path()),
                    () -> assertMentions(v.found(), "u-edux"),
                    () -> assertMentions(v.expected(), "units"));
        }

        @Test
        void refusesActivityOfUnknownUnit() {
            Violation v = only(edited("{ \"unit\": \"u-town\", \"channel\": \"submissions\"",
                    "{ \"unit\": \"u-ghost\", \"channel\": \"submissions\""));
            assertAll(
                    () -> assertEquals("activity[0].unit", v.path()),
                    () -> assertMentions(v.found(), "u-ghost"),
                    () -> assertMentions(v.expected(), "units"));
        }

        @Test
        void acceptsAccountWithoutUnit() {
            Batch b = read(edited("\"platform\": \"weibo\", \"unit\": \"u-town\",", "\"platform\": \"weibo\","));
            assertEquals(null, b.accounts().get(1).unit());
        }
    }

    @Nested
    class Dates {

        @Test
        void refusesPeriodEndingBeforeItStarts() {
            List<Violation> all = violations(edited("\"to\": \"2023-06-30\"", "\"to\": \"2023-05-31\""));
            Violation v = at(all, "period.to");
            assertMentions(v.found(), "2023-05-31");
            assertMentions(v.expected(), "period.from", "2023-06-01");
        }

        @Test
        void refusesCheckDateBeforeThePeriod() {
            Violation v = only(edited("\"checkDate\": \"2023-06-30\"", "\"checkDate\": \"2023-05-15\""));
            assertAll(
                    () -> assertEquals("period.checkDate", v.path()),
                    () -> assertMentions(v.found(), "2023-05-15"),
                    () -> assertMentions(v.expected(), "2023-06-01"));
        }

        @Test
        void refusesPostOutsideThePeriodAtItsPath() {
            Violation v = only(edited("\"2023-06-02\"", "\"2023-07-02\""));
            assertAll(
                    () -> assertEquals("accounts[0].posts[0].date", v.path()),
                    () -> assertMentions(v.found(), "2023-07-02"),
                    () -> assertMentions(v.expected(), "2023-06-01", "2023-06-30"));
        }

        @Test
        void refusesPostBeforeThePeriod() {
            Violation v = only(edited("\"2023-06-20\"", "\"2023-05-31\""));
            assertEquals("accounts[0].posts[1].date", v.path());
            assertMentions(v.found(), "2023-05-31");
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

    @Nested
    class Uniqueness {

        @Test
        void refusesDuplicateAccountId() {
            Violation v = only(edited("\"id\": \"a-town\"", "\"id\": \"a-edu\""));
            assertAll(
                    () -> assertEquals("accounts[1].id", v.path()),
                    () -> assertMentions(v.found(), "a-edu"),
                    () -> assertMentions(v.expected(), "unique"));
        }

        @Test
        void refusesSecondActivityForOneUnitAndChannel() {
            Violation v = only(edited("{ \"unit\": \"u-edu\", \"channel\": \"news\", \"posts\": 11 }",
                    "{ \"unit\": \"u-edu\", \"channel\": \"news\", \"posts\": 11 },\n"
                            + "    { \"unit\": \"u-edu\", \"channel\": \"快讯动态\", \"posts\": 2 }"));
            assertAll(
                    () -> assertEquals("activity[2]", v.path()),
                    () -> assertMentions(v.found(), "news", "u-edu"),
                    () -> assertMentions(v.expected(), "one entry per unit and channel"));
        }

        @Test
        void acceptsOneUnitOnTwoChannels() {
            Batch b = read(edited("{ \"unit\": \"u-edu\", \"channel\": \"news\", \"posts\": 11 }",
                    "{ \"unit\": \"u-edu\", \"channel\": \"news\", \"posts\": 11 },\n"
                            + "    { \"unit\": \"u-edu\", \"channel\": \"disclosure\", \"posts\": 2 }"));
            assertEquals(3, b.activity().size());
        }
    }

    @Nested
    class Pack {

        private static final String NO_PACK = "\"pack\": \"meixian\",";

        @Test
        void refusesBatchWithoutPack() {
            Violation v = only(edited(NO_PACK, ""));
            assertAll(
                    () -> assertEquals("pack", v.path()),
                    () -> assertMentions(v.found(), "nothing"),
                    () -> assertMentions(v.expected(), "pack"));
        }

        @Test
        void fillsMissingPackFromUrl() {
            Batch b = read(edited(NO_PACK, ""), "luoshan");
            assertEquals("luoshan", b.pack());
        }

        @Test
        void keepsPackOfTheBodyOverTheUrl() {
            assertEquals("meixian", read(VALID, "luoshan").pack());
        }

        @Test
        void refusesPackIdWithUpperCase() {
            Violation v = only(edited(NO_PACK, "\"pack\": \"MeiXian\","));
            assertEquals("pack", v.path());
            assertMentions(v.found(), "MeiXian");
        }
    }

    @Nested
    class SeveralErrors {

        @Test
        void reportsEveryViolationNotOnlyTheFirst() {
            List<Violation> all = violations(edited(
                    "\"id\": \"a-edu\",", "\"id\": \"a-edu\", \"originals\": -1,",
                    "\"2023-06-02\"", "\"2023-07-02\"",
                    "\"id\": \"a-town\"", "\"id\": \"a-edu\"",
                    "{ \"unit\": \"u-edu\", \"name\": \"义务教育", "{ \"unit\": \"u-edux\", \"name\": \"义务教育",
                    "\"submitted\": 27", "\"submitted\": -2"));
            Set<String> paths = all.stream().map(Violation::path).collect(Collectors.toSet());
            assertEquals(Set.of("accounts[0].originals", "accounts[0].posts[0].date", "accounts[1].id",
                    "columns[0].unit", "activity[0].submitted"), paths, all::toString);
            assertEquals(5, all.size(), all::toString);
        }

        @Test
        void rejectionMessageJoinsEveryViolation() {
            BatchRejected e = assertThrows(BatchRejected.class, () -> BatchReader.read(in(edited(
                    "\"updates\": 6", "\"updates\": -1",
                    "\"submitted\": 27", "\"submitted\": -2")), null));
            assertMentions(e.getMessage(), "columns[0].updates: found -1, expected",
                    "activity[0].submitted: found -2, expected");
        }
    }

    @Nested
    class Fixtures {

        @ParameterizedTest
        @ValueSource(strings = {"luoshan", "meixian", "qingshen", "shangnan", "shangqiu"})
        void readsFixtureBatchWithoutViolations(String pack) throws IOException {
            Path file = Path.of("fixtures", pack, pack + ".json");
            assertTrue(Files.isRegularFile(file), () -> "missing fixture " + file.toAbsolutePath());
            Batch b;
            try (InputStream in = Files.newInputStream(file)) {
                b = BatchReader.read(in, null);
            } catch (BatchRejected e) {
                b = fail(pack + " rejected: " + e.violations());
            }
            assertEquals(pack, b.pack());
            assertNotNull(b.period().from());
        }
    }
}
