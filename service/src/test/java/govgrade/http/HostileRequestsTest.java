package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hostile grade requests of issue 10, each answered with a JSON 4xx, quickly, in a small answer,
 * and nothing stored. The service runs with the default 32 MB body limit, so bodies of millions of
 * posts reach the batch reader (those tests are tagged slow: building and sending them takes seconds).
 */
class HostileRequestsTest extends ServiceOnAPort {
    private static final int MB = 1 << 20;

    @BeforeEach
    @Override
    void start() throws Exception {
        service = start(TOKEN, 32L * MB);
    }

    private TestClient.Response grade(String body) throws Exception {
        return client.post("/api/v1/grade", body);
    }

    private static String edited(String pack, String pointer, String field, JsonNode value) throws Exception {
        ObjectNode batch = (ObjectNode) JSON.readTree(Fixtures.batch(pack).toFile());
        ((ObjectNode) batch.at(pointer)).set(field, value);
        return JSON.writeValueAsString(batch);
    }

    /** A refusal: this status and code, the first mistake at {@code path}, a small JSON body, nothing stored. */
    private JsonNode refused(TestClient.Response r, int status, String code, String path) throws Exception {
        assertError(r, status, code);
        assertTrue(r.body().length < MB, r.body().length + " bytes");
        JsonNode first = r.json().get("violations").get(0);
        assertEquals(path, first.get("path").asText(), r.text());
        assertEquals(0, count("batches"));
        return r.json();
    }

    @Test
    void anEmptyObjectAsACadenceIsRefusedAtItsPathNotA500() throws Exception {
        refused(grade(edited("meixian", "/columns/0", "cadence", JSON.createObjectNode())), 400, "invalid_batch",
                "columns[0].cadence");
    }

    @Test
    void aPeriodEndingInYear999999999IsRefusedAtItsPathNotA500() throws Exception {
        refused(grade(edited("shangqiu", "/period", "to", JSON.getNodeFactory().textNode("+999999999-12-31"))), 400,
                "invalid_batch", "period.to");
    }

    @Test
    void theTinyRequestThatExhaustedAGigabyteIsRefusedAtOnce() throws Exception {
        String account = "{\"id\":\"a%d\",\"name\":\"a\",\"platform\":\"wechat\",\"posts\":[]}";
        String head = "{\"pack\":\"shangqiu\",\"period\":{\"from\":\"%s\",\"to\":\"2020-12-31\"},\"accounts\":[";
        String tail = String.format(account, 1) + "," + String.format(account, 2) + "," + String.format(account, 3) + "]}";
        long t0 = System.nanoTime();
        refused(grade(String.format(head, "-5877000-01-01") + tail), 400, "invalid_batch", "period.from");
        // Written as the contract allows, the longest period a four-digit year gives: over the limit.
        JsonNode over = refused(grade(String.format(head, "0001-01-01") + tail), 413, "batch_over_limit", "period");
        assertTrue(over.get("message").asText().contains("--max-period-days"), over.toString());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "answered at once");
    }

    @Test
    @Tag("slow") // tens of MB sent
    void aMillionPostsOutsideThePeriodGiveACappedAnswerWithACount() throws Exception {
        StringBuilder sb = new StringBuilder("{\"pack\":\"shangqiu\",\"period\":{\"from\":\"2020-10-01\","
                + "\"to\":\"2020-12-31\"},\"accounts\":[");
        for (int a = 0; a < 50; a++) {
            sb.append(a == 0 ? "" : ",").append("{\"id\":\"a").append(a).append("\",\"name\":\"a\",\"platform\":\"wechat\",\"posts\":[");
            for (int p = 0; p < 20_000; p++) {
                sb.append(p == 0 ? "" : ",").append("{\"date\":\"2019-01-01\"}");
            }
            sb.append("]}");
        }
        TestClient.Response r = grade(sb.append("]}").toString());
        JsonNode answer = refused(r, 400, "invalid_batch", "accounts[0].posts[0].date");
        assertEquals(100, answer.get("violations").size());
        assertEquals(1_000_000 - 100, answer.get("more").asLong());
        assertTrue(r.body().length < 64 * 1024, r.body().length + " bytes");
    }

    @Test
    @Tag("slow") // tens of MB sent
    void fiveMillionNullPostsAreCountedNotBuilt() throws Exception {
        StringBuilder sb = new StringBuilder("{\"pack\":\"shangqiu\",\"period\":{\"from\":\"2020-10-01\","
                + "\"to\":\"2020-12-31\"},\"accounts\":[{\"id\":\"a\",\"name\":\"a\",\"platform\":\"wechat\",\"posts\":[");
        for (int p = 0; p < 5_000_000; p++) {
            sb.append(p == 0 ? "null" : ",null");
        }
        JsonNode answer = refused(grade(sb.append("]}]}").toString()), 413, "batch_over_limit", "accounts[0].posts");
        String all = answer.get("violations").toString();
        assertTrue(all.contains("5000000 posts") && all.contains("--max-posts-per-account"), all);
    }

    @Test
    void aDuplicatePackIsRefusedInsteadOfTheLastOneWinning() throws Exception {
        String batch = Files.readString(Fixtures.batch("luoshan")).replaceFirst("\"pack\": *\"luoshan\"",
                "\"pack\": \"nosuchpack\", \"pack\": \"luoshan\"");
        refused(grade(batch), 400, "invalid_batch", "pack");
        assertEquals(0, count("runs"));
    }

    @Test
    void numbersAndBooleansAsNamesAndIdsAreRefused() throws Exception {
        JsonNode answer = refused(grade(edited("shangnan", "/units/0", "name", JSON.getNodeFactory().numberNode(12345))),
                400, "invalid_batch", "units[0].name");
        assertTrue(answer.get("violations").get(0).get("found").asText().contains("12345"), answer.toString());
        refused(grade(edited("shangnan", "/units/0", "id", JSON.getNodeFactory().booleanNode(true))), 400,
                "invalid_batch", "units[0].id");
    }

    @Test
    @Tag("slow") // tens of MB sent
    void aTenMegabyteValueIsNotEchoedBack() throws Exception {
        String huge = "x".repeat(10 * MB);
        TestClient.Response r = grade(edited("shangnan", "/units/0", "name", JSON.getNodeFactory().textNode(huge)));
        refused(r, 413, "batch_over_limit", "units[0].name");
        assertTrue(r.body().length < 4096, r.body().length + " bytes");
        TestClient.Response date = grade(edited("shangqiu", "/period", "from", JSON.getNodeFactory().textNode(huge)));
        refused(date, 400, "invalid_batch", "period.from");
        assertTrue(date.body().length < 4096, date.body().length + " bytes");
        assertFalse(date.text().contains("x".repeat(201)), "cut to 200 characters, as the README says");
    }

    @Test
    void theReadmesBadBatchReportsBothItsMistakes() throws Exception {
        ObjectNode batch = (ObjectNode) JSON.readTree(Fixtures.batch("shangqiu").toFile());
        ((ObjectNode) batch.at("/accounts/1/posts/0")).put("date", "2020-12-32");
        ((ObjectNode) batch.at("/accounts/3")).put("unit", "sq-nowhere");
        JsonNode answer = refused(grade(JSON.writeValueAsString(batch)), 400, "invalid_batch",
                "accounts[1].posts[0].date");
        JsonNode v = answer.get("violations");
        assertEquals(2, v.size(), v.toString());
        assertEquals("accounts[3].unit", v.get(1).get("path").asText());
        assertEquals("\"sq-nowhere\"", v.get(1).get("found").asText());
    }
}
