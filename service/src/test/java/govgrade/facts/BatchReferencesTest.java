package govgrade.facts;

import static govgrade.facts.BatchEdits.VALID;
import static govgrade.facts.BatchEdits.assertMentions;
import static govgrade.facts.BatchEdits.at;
import static govgrade.facts.BatchEdits.edited;
import static govgrade.facts.BatchEdits.only;
import static govgrade.facts.BatchEdits.read;
import static govgrade.facts.BatchEdits.violations;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a batch refers to: its pack, its period and the dates in it, its units, ids used once. */
class BatchReferencesTest {

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
}
