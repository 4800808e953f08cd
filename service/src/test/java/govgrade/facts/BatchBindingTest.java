package govgrade.facts;

import static govgrade.facts.BatchEdits.VALID;
import static govgrade.facts.BatchEdits.assertMentions;
import static govgrade.facts.BatchEdits.edited;
import static govgrade.facts.BatchEdits.in;
import static govgrade.facts.BatchEdits.only;
import static govgrade.facts.BatchEdits.read;
import static govgrade.facts.BatchEdits.violations;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a batch binds from JSON: malformed text, unknown fields and wrong types each name their path;
 * every violation is reported, not only the first; the bundled fixtures read clean.
 */
class BatchBindingTest {

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
