package govgrade.derive;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.facts.Cadence;
import govgrade.facts.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeriverTest {

    // ---- helpers -------------------------------------------------------------------------

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static DateSpan span(String from, String to) {
        return new DateSpan(d(from), d(to));
    }

    private static Batch batch(String json) {
        try {
            return BatchReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null);
        } catch (BatchRejected e) {
            return fail("test batch rejected: " + e.violations());
        } catch (IOException e) {
            return fail(e);
        }
    }

    private static DerivedBatch fixture(String pack) {
        Path file = Path.of("fixtures", pack, pack + ".json");
        try (InputStream in = Files.newInputStream(file)) {
            return Deriver.derive(BatchReader.read(in, null));
        } catch (BatchRejected e) {
            return fail(pack + " rejected: " + e.violations());
        } catch (IOException e) {
            return fail(e);
        }
    }

    /** A batch with one unit and one account {@code a1}, whose fields after id/name/platform/unit are given. */
    private static String oneAccount(String from, String to, String checkDate, String accountFields) {
        String check = checkDate == null ? "" : ", \"checkDate\": \"" + checkDate + "\"";
        return """
                {
                  "pack": "test",
                  "period": { "from": "%s", "to": "%s"%s },
                  "units": [ { "id": "u1", "name": "县教体局", "group": "department", "region": "眉县" } ],
                  "accounts": [
                    { "id": "a1", "name": "眉县教育", "platform": "wechat", "unit": "u1", %s }
                  ]
                }
                """.formatted(from, to, check, accountFields);
    }

    /** One post a day (reposts), both ends included, as the JSON posts array body. */
    private static String dailyReposts(String from, String to) {
        List<String> posts = new ArrayList<>();
        for (LocalDate day = d(from); !day.isAfter(d(to)); day = day.plusDays(1)) {
            posts.add("{ \"date\": \"" + day + "\", \"original\": false }");
        }
        return String.join(", ", posts);
    }

    private static NewMediaAccount derivedAccount(String json) {
        DerivedBatch db = Deriver.derive(batch(json));
        assertEquals(1, db.accounts().size());
        return db.accounts().get(0);
    }

    private static NewMediaAccount account(DerivedBatch db, String id) {
        return db.accounts().stream().filter(a -> a.getId().equals(id)).findFirst()
                .orElseGet(() -> fail("no account " + id));
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        // Dues are kept to 10 places so sums are exact; the expectations are written to 4.
        BigDecimal rounded = actual.setScale(Math.max(4, new BigDecimal(expected).scale()), java.math.RoundingMode.HALF_UP);
        assertEquals(0, new BigDecimal(expected).compareTo(rounded), () -> "expected " + expected + " but was " + actual);
    }

    private static void assertClose(double expected, BigDecimal actual, double tolerance) {
        assertTrue(Math.abs(actual.doubleValue() - expected) <= tolerance,
                () -> "expected " + expected + " ± " + tolerance + " but was " + actual);
    }

    // ---- gaps ----------------------------------------------------------------------------

    @Nested
    class GapsInPeriod {

        @Test
        void findsEveryEmptyRunAcrossAMonthEdge() {
            NewMediaAccount a = derivedAccount(oneAccount("2020-11-01", "2020-12-31", null,
                    "\"posts\": [ { \"date\": \"2020-11-20\" }, { \"date\": \"2020-12-10\" } ]"));
            // 11-01..11-19: 19 days; 11-21..11-30 (10) + 12-01..12-09 (9) = 19 days; 12-11..12-31: 21 days
            assertEquals(List.of(span("2020-11-01", "2020-11-19"), span("2020-11-21", "2020-12-09"),
                    span("2020-12-11", "2020-12-31")), a.getGaps());
            assertEquals(List.of(19, 19, 21), a.getGaps().stream().map(DateSpan::getDays).collect(Collectors.toList()));
            assertEquals(span("2020-12-11", "2020-12-31"), a.getLongestGap());
            assertEquals(21, a.getDaysSinceLastUpdate());
        }

        @Test
        void findsGapAtTheVeryStartOfThePeriod() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null,
                    "\"posts\": [ " + dailyReposts("2023-06-09", "2023-06-30") + " ]"));
            assertEquals(List.of(span("2023-06-01", "2023-06-08")), a.getGaps());
            assertEquals(8, a.getLongestGap().getDays());
        }

        @Test
        void findsGapRunningToThePeriodsEnd() {
            List<LocalDate> dates = new ArrayList<>();
            for (int day = 1; day <= 20; day++) {
                dates.add(LocalDate.of(2023, 6, day));
            }
            List<DateSpan> gaps = Gaps.between(d("2023-06-01"), d("2023-06-30"), dates);
            assertEquals(List.of(span("2023-06-21", "2023-06-30")), gaps);
            assertEquals(10, gaps.get(0).getDays());
        }

        @Test
        void oneGapOverTheWholePeriodWhenThereAreNoPosts() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, "\"posts\": []"));
            assertAll(
                    () -> assertEquals(List.of(span("2023-06-01", "2023-06-30")), a.getGaps()),
                    () -> assertEquals(List.of(span("2023-06-01", "2023-06-30")), a.getOriginalGaps()),
                    () -> assertNull(a.getLastUpdate()),
                    () -> assertEquals(0, a.getPosts()),
                    // silent since 05-31 at least: 05-31 -> 06-30 is 30 days
                    () -> assertEquals(30, a.getDaysSinceLastUpdate()));
        }

        @Test
        void noPostsWithEarlierCheckDateCountsFromTheDayBeforeThePeriod() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", "2023-06-10", "\"posts\": []"));
            assertEquals(List.of(span("2023-06-01", "2023-06-10")), a.getGaps());
            assertEquals(10, a.getDaysSinceLastUpdate());
        }

        @Test
        void cutsGapsAtACheckDateBeforeThePeriodsEnd() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", "2023-06-20",
                    "\"posts\": [ { \"date\": \"2023-06-05\" } ]"));
            assertEquals(List.of(span("2023-06-01", "2023-06-04"), span("2023-06-06", "2023-06-20")), a.getGaps());
            assertEquals(15, a.getDaysSinceLastUpdate());
        }

        @Test
        void computesOriginalGapsFromOriginalPostsOnly() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, """
                    "posts": [ { "date": "2023-06-01", "original": false },
                               { "date": "2023-06-10", "original": true },
                               { "date": "2023-06-20", "original": false },
                               { "date": "2023-06-25", "original": true } ]"""));
            assertAll(
                    () -> assertEquals(List.of(span("2023-06-01", "2023-06-09"), span("2023-06-11", "2023-06-24"),
                            span("2023-06-26", "2023-06-30")), a.getOriginalGaps()),
                    () -> assertEquals(span("2023-06-11", "2023-06-24"), a.getLongestOriginalGap()),
                    () -> assertEquals(List.of(span("2023-06-02", "2023-06-09"), span("2023-06-11", "2023-06-19"),
                            span("2023-06-21", "2023-06-24"), span("2023-06-26", "2023-06-30")), a.getGaps()),
                    () -> assertEquals(span("2023-06-11", "2023-06-19"), a.getLongestGap()));
        }

        @Test
        void longestPicksTheLongestAndTheEarliestOnTies() {
            List<DateSpan> spans = List.of(span("2023-06-01", "2023-06-03"), span("2023-06-05", "2023-06-09"),
                    span("2023-06-12", "2023-06-16"), span("2023-06-20", "2023-06-21"));
            assertEquals(span("2023-06-05", "2023-06-09"), Gaps.longest(spans));
            assertEquals(span("2023-06-12", "2023-06-18"),
                    Gaps.longest(List.of(span("2023-06-01", "2023-06-03"), span("2023-06-12", "2023-06-18"))));
            assertNull(Gaps.longest(List.of()));
        }

        @Test
        void noGapsWhenEveryDayHasAPost() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null,
                    "\"posts\": [ " + dailyReposts("2023-06-01", "2023-06-30") + " ]"));
            assertEquals(List.of(), a.getGaps());
            assertNull(a.getLongestGap());
            assertEquals(0, a.getDaysSinceLastUpdate());
        }
    }

    @Nested
    class MeiCounty {

        private final DerivedBatch mei = fixture("meixian");

        @Test
        void a7LongestOriginalGapIsTheFirstEightDays() {
            assertEquals(span("2023-06-01", "2023-06-08"), account(mei, "meixian-a7").getLongestOriginalGap());
        }

        @Test
        void a8HasNoPostFrom16To23June() {
            NewMediaAccount a8 = account(mei, "meixian-a8");
            assertTrue(a8.getGaps().contains(span("2023-06-16", "2023-06-23")), a8.getGaps()::toString);
            assertEquals(span("2023-06-16", "2023-06-23"), a8.getLongestGap());
        }

        @Test
        void a9HasNoPostFrom22JuneToTheEndAndOneRecommendedRepost() {
            NewMediaAccount a9 = account(mei, "meixian-a9");
            assertTrue(a9.getGaps().contains(span("2023-06-22", "2023-06-30")), a9.getGaps()::toString);
            assertEquals(9, a9.getLongestGap().getDays());
            assertEquals(1, a9.getRecommendedReposts());
            assertEquals(9, a9.getDaysSinceLastUpdate());
        }

        @Test
        void educationBureauColumnsExceedDueByLessThanFive() {
            UnitColumns u4 = mei.columns().stream().filter(c -> c.getId().equals("meixian-u4")).findFirst()
                    .orElseGet(() -> fail("no columns for meixian-u4"));
            // 实时更新 0 + 1条/年 1/12 + 2条/月 2 + 1条/季度 1/3 = 29/12 ≈ 2.4167 due; updates 0+0+6+1 = 7
            assertAll(
                    () -> assertEquals("县教体局", u4.getName()),
                    () -> assertEquals(4, u4.getColumns().size()),
                    () -> assertEquals(7, u4.getUpdates()),
                    () -> assertClose(29.0 / 12, u4.getDue(), 0.0002),
                    () -> assertClose(7 - 29.0 / 12, u4.getExcess(), 0.0002),
                    () -> assertTrue(u4.getExcess().compareTo(BigDecimal.valueOf(5)) < 0));
        }

        @Test
        void columnFindingIsSeenUnitWideButNotOnTheNewsActivity() {
            UnitActivity news = mei.activity().stream()
                    .filter(a -> a.getId().equals("meixian-u26") && a.getChannel() == Channel.NEWS).findFirst()
                    .orElseGet(() -> fail("no news activity for meixian-u26"));
            assertTrue(news.unitHasFinding("SERIOUS_WORDING_ERROR"));
            assertFalse(news.hasFinding("SERIOUS_WORDING_ERROR"));
            assertEquals(11, news.getPosts());
            UnitColumns cols = mei.columns().stream().filter(c -> c.getId().equals("meixian-u26")).findFirst()
                    .orElseGet(() -> fail("no columns for meixian-u26"));
            assertTrue(cols.hasColumnFinding("SERIOUS_WORDING_ERROR"));
        }
    }

    @Nested
    class DaysSinceLastUpdate {

        @Test
        void luoshanCountsDaysToTheCheckDate() {
            DerivedBatch luoshan = fixture("luoshan");
            // check date 2019-06-30: from 06-14 is 16 days, from 06-21 is 9
            assertEquals(d("2019-06-14"), account(luoshan, "luoshan-a6").getLastUpdate());
            assertEquals(16, account(luoshan, "luoshan-a6").getDaysSinceLastUpdate());
            assertEquals(d("2019-06-21"), account(luoshan, "luoshan-a4").getLastUpdate());
            assertEquals(9, account(luoshan, "luoshan-a4").getDaysSinceLastUpdate());
        }

        @Test
        void unknownWithoutPostsOrLastUpdate() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, "\"originals\": 3"));
            assertNull(a.getDaysSinceLastUpdate());
            assertEquals(List.of(), a.getGaps());
        }
    }

    @Nested
    class CountsAndAggregates {

        @Test
        void countsOriginalsRepostsAndRecommendedFromPosts() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, """
                    "posts": [ { "date": "2023-06-03", "original": true },
                               { "date": "2023-06-03", "original": true, "recommended": false },
                               { "date": "2023-06-12", "original": false, "recommended": true },
                               { "date": "2023-06-18", "original": false } ]"""));
            assertAll(
                    () -> assertEquals(4, a.getPosts()),
                    () -> assertEquals(2, a.getOriginals()),
                    () -> assertEquals(2, a.getReposts()),
                    () -> assertEquals(1, a.getRecommendedReposts()),
                    () -> assertEquals(d("2023-06-18"), a.getLastUpdate()),
                    () -> assertEquals(12, a.getDaysSinceLastUpdate()));
        }

        @Test
        void passesAggregatesThroughWhenNoPostsAreGiven() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, """
                    "lastUpdate": "2023-06-25", "originals": 12, "reposts": 30, "recommendedReposts": 6,
                    "longestGap": { "from": "2023-06-03", "to": "2023-06-10" },
                    "longestOriginalGap": { "from": "2023-06-01", "to": "2023-06-14" }"""));
            assertAll(
                    () -> assertEquals(12, a.getOriginals()),
                    () -> assertEquals(30, a.getReposts()),
                    () -> assertEquals(6, a.getRecommendedReposts()),
                    () -> assertEquals(42, a.getPosts()),
                    () -> assertEquals(d("2023-06-25"), a.getLastUpdate()),
                    () -> assertEquals(5, a.getDaysSinceLastUpdate()),
                    () -> assertEquals(List.of(span("2023-06-03", "2023-06-10")), a.getGaps()),
                    () -> assertEquals(span("2023-06-03", "2023-06-10"), a.getLongestGap()),
                    () -> assertEquals(8, a.getLongestGap().getDays()),
                    () -> assertEquals(List.of(span("2023-06-01", "2023-06-14")), a.getOriginalGaps()),
                    () -> assertEquals(span("2023-06-01", "2023-06-14"), a.getLongestOriginalGap()));
        }

        @Test
        void leavesMissingAggregatesNull() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, "\"originals\": 3"));
            assertEquals(3, a.getOriginals());
            assertNull(a.getReposts());
            assertNull(a.getPosts());
            assertNull(a.getRecommendedReposts());
        }

        @Test
        void regionFallsBackToTheUnitsRegion() {
            NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, "\"originals\": 3"));
            assertEquals("眉县", a.getRegion());
            assertEquals("u1", a.getUnit().getId());
        }
    }

    @Nested
    class Replies24h {

        private NewMediaAccount withMessages(String messages) {
            return derivedAccount(oneAccount("2020-11-24", "2021-02-22", "2021-02-22",
                    "\"lastUpdate\": \"2021-02-20\", \"messages\": [ " + messages + " ]"));
        }

        @Test
        void countsAnswersLaterThan24HoursOnly() {
            NewMediaAccount a = withMessages("""
                    { "received": "2021-01-12T09:30:00+08:00", "answered": "2021-01-13T16:30:00+08:00" },
                    { "received": "2021-01-05T09:30:00+08:00", "answered": "2021-01-05T12:30:00+08:00" },
                    { "received": "2021-01-19T09:30:00+08:00", "answered": "2021-01-20T09:30:00+08:00" }""");
            // waits: 31 h (late), 3 h, exactly 24 h (not late)
            assertEquals(3, a.getMessages());
            assertEquals(1, a.lateReplies(24));
            assertEquals(31.0, a.getLongestReplyHours(), 1e-9);
            assertEquals(3, a.lateReplies(2));
            assertEquals(0, a.lateReplies(31));
            assertEquals(2, a.lateReplies(23.5));
        }

        @Test
        void exactly24HoursIsNotLate() {
            NewMediaAccount a = withMessages("""
                    { "received": "2021-01-19T09:30:00+08:00", "answered": "2021-01-20T09:30:00+08:00" },
                    { "received": "2021-01-21T09:30:00+08:00", "answered": "2021-01-22T09:30:00+08:00" }""");
            assertEquals(0, a.lateReplies(24));
            assertEquals(24.0, a.getLongestReplyHours(), 1e-9);
        }

        @Test
        void countsUnansweredMessageAsLateUntilTheCheckDate() {
            NewMediaAccount a = withMessages("""
                    { "received": "2021-01-01T09:00:00+08:00" },
                    { "received": "2021-01-05T09:30:00+08:00", "answered": "2021-01-05T12:30:00+08:00" }""");
            assertEquals(2, a.getMessages());
            assertEquals(1, a.lateReplies(24));
            assertEquals(0, a.lateReplies(2000));
        }

        @Test
        void unansweredWaitEndsAtTheEndOfTheCheckDateInTheMessagesOffset() {
            NewMediaAccount a = withMessages("""
                    { "received": "2021-01-01T09:00:00+08:00" }""");
            // waits until 2021-02-23T00:00+08:00: 53 days less 9 hours = 1263 h
            assertEquals(1263.0, a.getLongestReplyHours(), 1e-9);
        }

        @Test
        void unansweredMessageOfTheCheckDateIsNotYetLate() {
            NewMediaAccount a = withMessages("""
                    { "received": "2021-02-22T03:00:00+08:00" }""");
            assertEquals(0, a.lateReplies(24));
            assertEquals(21.0, a.getLongestReplyHours(), 1e-9);
        }

        @Test
        void repliesEndUnansweredWaitAtTheEndOfTheCheckDateInItsOwnOffset() {
            // Straight into Replies, bypassing JSON binding: the offset +08:00 is kept.
            OffsetDateTime received = OffsetDateTime.of(2021, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
            Replies r = Replies.of(List.of(new Batch.Message(received, null),
                    new Batch.Message(received, received.plusHours(24))), d("2021-02-22"));
            assertEquals(2, r.received());
            assertEquals(1263.0, r.longestHours(), 1e-9);
            assertEquals(1, r.laterThan(24));
        }

        @Test
        void noMessagesMeansNothingLate() {
            NewMediaAccount a = withMessages("");
            assertEquals(0, a.getMessages());
            assertEquals(0, a.lateReplies(24));
            assertEquals(0.0, a.getLongestReplyHours());
        }
    }

    @Nested
    class ColumnDues {

        private final Dues june = new Dues(d("2023-06-01"), d("2023-06-30"));

        @Test
        void proratesCadencesToAOneMonthPeriod() {
            assertAll(
                    () -> assertDecimal("2", june.due(Cadence.parse("2/month"))),
                    () -> assertDecimal("0.3333", june.due(Cadence.parse("1/quarter"))),
                    () -> assertDecimal("0.0833", june.due(Cadence.parse("1/year"))),
                    () -> assertDecimal("0", june.due(Cadence.parse("realtime"))),
                    () -> assertDecimal("0.1667", june.due(Cadence.parse("1/half-year"))),
                    () -> assertDecimal("0.1667", june.due(Cadence.parse("1条/半年"))));
        }

        @Test
        void proratesCadencesToAQuarter() {
            Dues q2 = new Dues(d("2021-04-01"), d("2021-06-30"));
            assertDecimal("1", q2.due(Cadence.parse("1/quarter")));
            assertDecimal("6", q2.due(Cadence.parse("2/month")));
            assertDecimal("0.25", q2.due(Cadence.parse("1/year")));
        }

        @Test
        void derivesDueOnEachColumnThroughDeriver() {
            DerivedBatch db = Deriver.derive(batch("""
                    {
                      "pack": "test",
                      "period": { "from": "2021-04-01", "to": "2021-06-30" },
                      "units": [ { "id": "u1", "name": "县财政局", "group": "department" } ],
                      "columns": [
                        { "unit": "u1", "name": "财政资金信息", "cadence": "2条/月", "updates": 7 },
                        { "unit": "u1", "name": "部门信息公开年报", "cadence": "1条/季度", "updates": 0 }
                      ]
                    }
                    """));
            assertEquals(1, db.columns().size());
            UnitColumns u1 = db.columns().get(0);
            assertDecimal("6", u1.getColumns().get(0).getDue());
            assertDecimal("1", u1.getColumns().get(1).getDue());
            assertEquals(7, u1.getUpdates());
            assertDecimal("7", u1.getDue());
            assertDecimal("0", u1.getExcess());
        }
    }
}
