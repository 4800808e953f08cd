package govgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A small valid batch and the edits, reads and checks the batch-reading tests make of it. */
final class BatchEdits {

    /** A small valid batch; each test edits one spot of it. */
    static final String VALID = """
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

    private BatchEdits() {
    }

    /** VALID with each (target, replacement) pair applied; every target must occur exactly once. */
    static String edited(String... pairs) {
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

    static InputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    static Batch read(String json) {
        return read(json, null);
    }

    static Batch read(String json, String packFromUrl) {
        try {
            return BatchReader.read(in(json), packFromUrl);
        } catch (BatchRejected e) {
            return fail("batch rejected: " + e.violations());
        } catch (IOException e) {
            return fail(e);
        }
    }

    static List<Violation> violations(String json) {
        BatchRejected e = assertThrows(BatchRejected.class, () -> BatchReader.read(in(json), null));
        assertTrue(!e.violations().isEmpty(), "a rejection names at least one violation");
        return e.violations();
    }

    /** The single violation of a batch with exactly one thing wrong. */
    static Violation only(String json) {
        List<Violation> all = violations(json);
        assertEquals(1, all.size(), () -> "expected exactly one violation, got " + all);
        return all.get(0);
    }

    /** The violation at {@code path} among possibly several. */
    static Violation at(List<Violation> all, String path) {
        return all.stream().filter(v -> v.path().equals(path)).findFirst()
                .orElseGet(() -> fail("no violation at " + path + " in " + all));
    }

    static void assertMentions(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "\"" + text + "\" should mention \"" + part + "\"");
        }
    }
}
