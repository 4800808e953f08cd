package govgrade.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small batches written in the tests and derived, the bundled fixtures derived, and their checks. */
final class DerivedBatches {

    private DerivedBatches() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static DateSpan span(String from, String to) {
        return new DateSpan(d(from), d(to));
    }

    static Batch batch(String json) {
        try {
            return BatchReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null);
        } catch (BatchRejected e) {
            return fail("test batch rejected: " + e.violations());
        } catch (IOException e) {
            return fail(e);
        }
    }

    static DerivedBatch fixture(String pack) {
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
    static String oneAccount(String from, String to, String checkDate, String accountFields) {
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
    static String dailyReposts(String from, String to) {
        List<String> posts = new ArrayList<>();
        for (LocalDate day = d(from); !day.isAfter(d(to)); day = day.plusDays(1)) {
            posts.add("{ \"date\": \"" + day + "\", \"original\": false }");
        }
        return String.join(", ", posts);
    }

    static NewMediaAccount derivedAccount(String json) {
        DerivedBatch db = Deriver.derive(batch(json));
        assertEquals(1, db.accounts().size());
        return db.accounts().get(0);
    }

    static NewMediaAccount account(DerivedBatch db, String id) {
        return db.accounts().stream().filter(a -> a.getId().equals(id)).findFirst()
                .orElseGet(() -> fail("no account " + id));
    }

    static void assertDecimal(String expected, BigDecimal actual) {
        // Dues are kept to 10 places so sums are exact; the expectations are written to 4.
        BigDecimal rounded = actual.setScale(Math.max(4, new BigDecimal(expected).scale()), java.math.RoundingMode.HALF_UP);
        assertEquals(0, new BigDecimal(expected).compareTo(rounded), () -> "expected " + expected + " but was " + actual);
    }

    static void assertClose(double expected, BigDecimal actual, double tolerance) {
        assertTrue(Math.abs(actual.doubleValue() - expected) <= tolerance,
                () -> "expected " + expected + " ± " + tolerance + " but was " + actual);
    }
}
