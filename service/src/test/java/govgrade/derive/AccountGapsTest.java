package govgrade.derive;

import static govgrade.derive.DerivedBatches.account;
import static govgrade.derive.DerivedBatches.d;
import static govgrade.derive.DerivedBatches.dailyReposts;
import static govgrade.derive.DerivedBatches.derivedAccount;
import static govgrade.derive.DerivedBatches.fixture;
import static govgrade.derive.DerivedBatches.oneAccount;
import static govgrade.derive.DerivedBatches.span;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The runs of days without a post on each account, and the days since its last update. */
class AccountGapsTest {

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
    }
}
