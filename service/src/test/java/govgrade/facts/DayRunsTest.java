package govgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DayRunsTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static DayRuns window(String from, String to, String... marked) {
        DayRuns days = new DayRuns(d(from), d(to));
        for (String m : marked) {
            days.mark(d(m));
        }
        return days;
    }

    private static List<String> runs(DayRuns days) {
        return days.runs((first, last) -> first + ".." + last);
    }

    @Nested
    class AnEmptyOrOneDayWindow {
        @Test
        void aWindowEndingBeforeItStartsHasNoRuns() {
            DayRuns days = window("2023-06-10", "2023-06-09");
            assertEquals(List.of(), runs(days));
            assertEquals(0, days.longest());
        }

        @Test
        void oneDayWithoutAPostIsARunOfOneDay() {
            DayRuns days = window("2023-06-10", "2023-06-10");
            assertEquals(List.of("2023-06-10..2023-06-10"), runs(days));
            assertEquals(1, days.longest());
        }

        @Test
        void oneDayWithAPostHasNoRun() {
            DayRuns days = window("2023-06-10", "2023-06-10", "2023-06-10");
            assertEquals(List.of(), runs(days));
            assertEquals(0, days.longest());
        }
    }

    @Nested
    class PostsAtTheEdges {
        @Test
        void aPostOnTheFirstDayStartsTheRunTheDayAfter() {
            DayRuns days = window("2023-06-01", "2023-06-30", "2023-06-01");
            assertEquals(List.of("2023-06-02..2023-06-30"), runs(days));
            assertEquals(29, days.longest());
        }

        @Test
        void aPostOnTheLastDayEndsTheRunTheDayBefore() {
            DayRuns days = window("2023-06-01", "2023-06-30", "2023-06-30");
            assertEquals(List.of("2023-06-01..2023-06-29"), runs(days));
            assertEquals(29, days.longest());
        }

        @Test
        void postsOnBothEdgesLeaveOnlyTheDaysBetween() {
            DayRuns days = window("2023-06-01", "2023-06-30", "2023-06-01", "2023-06-15", "2023-06-30");
            assertEquals(List.of("2023-06-02..2023-06-14", "2023-06-16..2023-06-29"), runs(days));
            assertEquals(14, days.longest());
        }

        @Test
        void postsOutsideTheWindowDoNotCount() {
            DayRuns days = window("2023-06-01", "2023-06-03", "2023-05-31", "2023-06-04");
            assertEquals(List.of("2023-06-01..2023-06-03"), runs(days));
            assertEquals(3, days.longest());
        }

        @Test
        void everyDayPostedLeavesNoRun() {
            DayRuns days = window("2023-06-01", "2023-06-03", "2023-06-01", "2023-06-02", "2023-06-03", "2023-06-02");
            assertEquals(List.of(), runs(days));
            assertEquals(0, days.longest());
        }
    }

    @Nested
    class AcrossCalendarEdges {
        @Test
        void aLeapDayIsADayOfTheRun() {
            DayRuns days = window("2024-02-27", "2024-03-02", "2024-02-27", "2024-03-02");
            assertEquals(List.of("2024-02-28..2024-03-01"), runs(days));
            assertEquals(3, days.longest());
        }

        @Test
        void aPostOnTheLeapDaySplitsTheRun() {
            DayRuns days = window("2024-02-27", "2024-03-02", "2024-02-29");
            assertEquals(List.of("2024-02-27..2024-02-28", "2024-03-01..2024-03-02"), runs(days));
            assertEquals(2, days.longest());
        }

        @Test
        void runsCrossTheSixtyFourthDayAndAYearEnd() {
            // A window longer than one word of the bitmap, marked on either side of the word boundary.
            DayRuns days = window("2020-10-01", "2021-01-31", "2020-12-03", "2020-12-04", "2021-01-01");
            assertEquals(List.of("2020-10-01..2020-12-02", "2020-12-05..2020-12-31", "2021-01-02..2021-01-31"),
                    runs(days));
            assertEquals(63, days.longest());
        }
    }
}
