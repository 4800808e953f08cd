package govgrade.facts;

import static govgrade.facts.BatchEdits.assertMentions;
import static govgrade.facts.BatchEdits.at;
import static govgrade.facts.BatchEdits.edited;
import static govgrade.facts.BatchEdits.in;
import static govgrade.facts.BatchEdits.only;
import static govgrade.facts.BatchEdits.read;
import static govgrade.facts.BatchEdits.violations;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract's types, held strictly (issue 10): what a lenient binding graded before is refused at
 * its path, several mistakes of several kinds are all reported, and the limits are read as the
 * batch streams in.
 */
class BatchStrictnessTest {

    @Nested
    class Types {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "\"name\": \"眉县教育\"|\"name\": 12345|accounts[0].name",
            "\"name\": \"眉县教育\"|\"name\": true|accounts[0].name",
            "\"id\": \"a-edu\"|\"id\": 7|accounts[0].id",
            "\"pack\": \"meixian\"|\"pack\": [\"meixian\"]|pack",
            "\"region\": \"眉县\" },|\"region\": {} },|units[0].region",
            "\"originals\": 3|\"originals\": \"   \"|accounts[1].originals",
            "\"originals\": 3|\"originals\": 3e0|accounts[1].originals",
            "\"originals\": 3|\"originals\": 3000000000|accounts[1].originals",
            "\"originals\": 3|\"originals\": 3.0|accounts[1].originals",
            "\"updates\": 6|\"updates\": null|columns[0].updates",
            "\"2023-06-20\"|\"2023-06-20T10:00:00\"|accounts[0].posts[1].date",
            "\"2023-06-20\"|\"+2023-06-20\"|accounts[0].posts[1].date",
            "\"2023-06-20\"|\"20230-06-20\"|accounts[0].posts[1].date",
            "\"2023-06-20\"|20230620|accounts[0].posts[1].date",
            "\"to\": \"2023-06-30\"|\"to\": \"+999999999-12-31\"|period.to",
            "\"from\": \"2023-06-01\"|\"from\": \"-5877000-01-01\"|period.from",
            "\"cadence\": \"2/month\"|\"cadence\": {}|columns[0].cadence",
            "\"cadence\": \"2/month\"|\"cadence\": \"99999999999/month\"|columns[0].cadence",
            "\"group\": \"township\"|\"group\": 1|units[1].group",
            "\"platform\": \"weibo\"|\"platform\": false|accounts[1].platform",
        })
        void refusesAValueOfTheWrongKindAtItsPath(String target, String replacement, String path) {
            Violation v = only(edited(target, replacement));
            assertEquals(path, v.path(), v::message);
        }

        @Test
        void refusesANumberAsAMessageInstant() {
            List<Violation> all = violations(edited("\"lastUpdate\": \"2023-06-28\",",
                    "\"lastUpdate\": \"2023-06-28\", \"messages\": [ { \"received\": 1685600000 },"
                            + " { \"received\": \"2023-06-03T09:00:00\" }, { \"received\": \"2023-06-03T09:00:00+08:00\" } ],"));
            assertEquals(List.of("accounts[1].messages[0].received", "accounts[1].messages[1].received"),
                    all.stream().map(Violation::path).toList(), all::toString);
            assertMentions(at(all, "accounts[1].messages[0].received").expected(), "ISO-8601");
        }

        @Test
        void refusesADuplicateKeyInsteadOfLettingTheLastWin() {
            Violation v = only(edited("\"pack\": \"meixian\",", "\"pack\": \"nosuchpack\", \"pack\": \"meixian\","));
            assertAll(
                    () -> assertEquals("pack", v.path()),
                    () -> assertMentions(v.found(), "\"pack\" a second time"));
        }

        @Test
        void refusesADuplicateKeyInsideAPost() {
            Violation v = only(edited("{ \"date\": \"2023-06-02\",", "{ \"date\": \"2023-06-02\", \"date\": \"2023-06-03\","));
            assertEquals("accounts[0].posts[0].date", v.path());
        }

        @Test
        void readsUnicodeEscapesAsTheSameString() {
            Batch b = read(edited("\"name\": \"眉县教育\"", "\"name\": \"\\u7709\\u53bf\\u6559\\u80b2\""));
            assertEquals("眉县教育", b.accounts().get(0).name());
        }
    }

    @Nested
    class EveryMistake {

        @Test
        void aBadDateAndAnUnknownPlatformAreBothReportedWithAValidationMistake() {
            List<Violation> all = violations(edited(
                    "\"2023-06-20\"", "\"2023-06-32\"",
                    "\"platform\": \"weibo\"", "\"platform\": \"飞信\"",
                    "\"submitted\": 27", "\"submitted\": -2"));
            Set<String> paths = all.stream().map(Violation::path).collect(Collectors.toSet());
            assertEquals(Set.of("accounts[0].posts[1].date", "accounts[1].platform", "activity[0].submitted"), paths,
                    all::toString);
        }

        @Test
        void anUnreadableValueIsReportedOnceNotAgainAsMissing() {
            List<Violation> all = violations(edited("\"cadence\": \"2/month\"", "\"cadence\": {}",
                    "\"group\": \"department\"", "\"group\": []"));
            assertEquals(2, all.size(), all::toString);
        }
    }

    @Nested
    class Limits {
        private final BatchLimits small = new BatchLimits(31, 1, 1, 5, 5, 1, 5, 5, 20, 3);

        private BatchRejected refused(String json, BatchLimits limits) {
            return assertThrows(BatchRejected.class, () -> BatchReader.read(in(json), null, limits));
        }

        @Test
        void aListOverItsLimitIsCountedNotReadAndNamesTheFlag() {
            BatchRejected e = refused(BatchEdits.VALID, small);
            assertTrue(e.overLimit());
            Violation units = at(e.violations(), "units");
            assertAll(
                    () -> assertMentions(units.found(), "2 units"),
                    () -> assertMentions(units.expected(), "at most 1", "--max-units"));
        }

        @Test
        void aPeriodOverItsLimitIsRefusedAndItsDaysAreNotCounted() {
            BatchLimits limits = new BatchLimits(31, 10, 10, 10, 10, 10, 10, 10, 500, 100);
            String year = edited("\"from\": \"2023-06-01\"", "\"from\": \"0001-01-01\"",
                    "\"to\": \"2023-06-30\"", "\"to\": \"9999-12-31\"");
            BatchRejected e = refused(year, limits);
            assertTrue(e.overLimit());
            Violation v = at(e.violations(), "period");
            assertMentions(v.expected(), "at most 31 days", "--max-period-days");
        }

        @Test
        void theDefaultPeriodLimitIsALeapYear() {
            read(edited("\"to\": \"2023-06-30\"", "\"to\": \"2024-05-31\""));
            BatchRejected e = refused(edited("\"to\": \"2023-06-30\"", "\"to\": \"2024-06-01\""), BatchLimits.DEFAULTS);
            assertMentions(at(e.violations(), "period").expected(), "at most 366 days");
        }

        @Test
        void aLongStringIsRefusedAndNotEchoedWhole() {
            String name = "名".repeat(100_000);
            BatchRejected e = refused(edited("\"name\": \"眉县教育\"", "\"name\": \"" + name + "\""),
                    BatchLimits.DEFAULTS);
            Violation v = at(e.violations(), "accounts[0].name");
            assertAll(
                    () -> assertEquals(1, e.violations().size(), e.violations()::toString),
                    () -> assertMentions(v.found(), "100000 characters"),
                    () -> assertMentions(v.expected(), "at most 500", "--max-string-chars"),
                    () -> assertFalse(e.getMessage().contains("名名名"), "the value is not echoed"));
        }

        @Test
        void aBadValueIsEchoedCutShort() {
            String date = "9".repeat(1_000_000);
            Violation v = only(edited("\"2023-06-20\"", "\"" + date + "\""));
            assertTrue(v.found().length() < 500, () -> v.found().length() + " characters echoed");
            assertMentions(v.found(), "1000000 characters");
        }

        @Test
        void mistakesPastTheListedNumberAreCounted() {
            StringBuilder posts = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                posts.append(i == 0 ? "" : ", ").append("{ \"date\": \"2020-01-01\" }");
            }
            String json = edited("{ \"date\": \"2023-06-02\", \"original\": true, \"recommended\": false },",
                    posts + ",");
            BatchRejected e = assertThrows(BatchRejected.class, () -> BatchReader.read(in(json), null));
            assertEquals(BatchLimits.DEFAULTS.errorsListed(), e.violations().size());
            assertFalse(e.overLimit());
            // 10,000 posts outside the period, and the originals it makes disagree with nothing: counted all the same.
            assertEquals(10_000 - e.violations().size(), e.more());
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void aLimitBelowOneIsRefusedNamingItsFlag(int n) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new BatchLimits(366, 1, 1, 1, 1, n, 1, 1, 1, 1));
            assertMentions(e.getMessage(), "--max-posts-per-account");
        }
    }
}
