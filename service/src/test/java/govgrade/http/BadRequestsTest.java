package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad requests get a 4xx with a JSON error and store nothing. */
class BadRequestsTest extends ServiceOnAPort {

    @Test
    void anInvalidBatchIs400WithTheJsonPathOfEachMistake() throws Exception {
        String bad = Files.readString(Fixtures.batch("shangqiu")).replace("\"2020-12-26\"", "\"2020-12-41\"");
        TestClient.Response r = client.post("/api/v1/grade", bad);
        assertEquals(400, r.status());
        assertEquals("invalid_batch", r.json().get("error").asText());
        assertEquals("accounts[1].posts[0].date", r.json().get("path").asText());
        // The bad value is echoed once, in violations; the message names its place.
        assertTrue(r.json().at("/violations/0/found").asText().contains("2020-12-41"), r.text());
        assertTrue(r.json().get("message").asText().contains("accounts[1].posts[0].date"), r.text());
        assertEquals(r.json().get("violations").size(), r.text().split("2020-12-41", -1).length - 1, r.text());
        String many = Files.readString(Fixtures.batch("shangnan"))
                .replace("\"submitted\": 27", "\"submitted\": -27").replace("\"unit\": \"shangnan-u2\"",
                        "\"unit\": \"shangnan-u99\"");
        JsonNode v = client.post("/api/v1/grade", many).json().get("violations");
        assertEquals(2, v.size());
        assertEquals("activity[0].submitted", v.get(0).get("path").asText());
        assertEquals("activity[1].unit", v.get(1).get("path").asText());
        assertEquals(0, count("runs"));
        assertEquals(0, count("batches"));
    }

    @Test
    void malformedJsonAndAnEmptyBodyAre400() throws Exception {
        assertEquals(400, client.post("/api/v1/grade", "{\"pack\": ").status());
        assertEquals(400, client.post("/api/v1/grade", "").status());
        assertEquals("$", client.post("/api/v1/grade", "[1,2]").json().get("path").asText());
    }

    @Test
    void unknownRunsPacksVersionsAndRoutesAre404() throws Exception {
        assertError(client.get("/api/v1/runs/no-such-run"), 404, "unknown_run");
        assertError(client.get("/api/v1/whatifs/no-such"), 404, "unknown_whatif");
        assertError(client.get("/api/v1/packs/atlantis"), 404, "unknown_pack");
        assertError(client.get("/api/v1/packs/atlantis/versions"), 404, "unknown_pack");
        String other = Files.readString(Fixtures.batch("shangnan")).replace("\"shangnan\"", "\"atlantis\"");
        assertError(client.post("/api/v1/grade", other), 404, "unknown_pack");
        String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangnan"))).json().get("run")
                .asText();
        assertError(client.post("/api/v1/runs/" + run + "/whatif", "{\"pack\":\"shangnan\",\"version\":\"0000\"}"),
                404, "unknown_version");
        assertError(client.post("/api/v1/runs/nope/whatif", "{\"pack\":\"shangnan\"}"), 404, "unknown_run");
        assertError(client.get("/api/v1/nothing-here"), 404, "not_found");
    }

    @Test
    void aBadWhatIfRequestIs400() throws Exception {
        String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangnan"))).json().get("run")
                .asText();
        assertError(client.post("/api/v1/runs/" + run + "/whatif", "{\"pack\": 5}"), 400, "invalid_request");
        assertError(client.post("/api/v1/runs/" + run + "/whatif", "not json"), 400, "invalid_request");
    }

    @Test
    void changingPacksNeedsTheAdminToken() throws Exception {
        byte[] xlsx = Files.readAllBytes(Path.of("decision-tables/shangnan/shangnan.xlsx"));
        assertError(client.upload("/api/v1/packs/shangnan/drafts", Map.of("shangnan.xlsx", xlsx), null), 401,
                "token_required");
        assertError(client.upload("/api/v1/packs/shangnan/drafts", Map.of("shangnan.xlsx", xlsx), "guess"), 403,
                "token_rejected");
        String active = client.get("/api/v1/packs/shangnan").json().get("version").asText();
        assertError(client.postWithToken("/api/v1/packs/shangnan/versions/" + active + "/publish", null), 401,
                "token_required");
        assertError(client.postWithToken("/api/v1/packs/shangnan/versions/" + active + "/publish", "guess"), 403,
                "token_rejected");
    }

    @Test
    void withNoTokenConfiguredChangingPacksIsSwitchedOff() throws Exception {
        service.close();
        service = start(null, 64 * 1024);
        byte[] xlsx = Files.readAllBytes(Path.of("decision-tables/shangnan/shangnan.xlsx"));
        assertError(client.upload("/api/v1/packs/shangnan/drafts", Map.of("shangnan.xlsx", xlsx), "anything"), 403,
                "pack_changes_disabled");
    }

    @Test
    void aDraftThatDoesNotCompileIs400WithEveryErrorAndItsCell() throws Exception {
        Path home = PackCopy.copy("meixian", dir.resolve("staff"));
        Path xlsx = home.resolve("decision-tables/meixian/meixian.xlsx");
        PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "gapDays").getCell(2).setCellValue("七"));
        String before = client.get("/api/v1/packs/meixian").json().get("version").asText();
        TestClient.Response r = client.upload("/api/v1/packs/meixian/drafts",
                Map.of("meixian.xlsx", Files.readAllBytes(xlsx)), TOKEN);
        assertError(r, 400, "pack_rejected");
        JsonNode e = r.json().get("errors").get(0);
        assertEquals("decision-tables/meixian/meixian.xlsx", e.get("file").asText());
        assertEquals("参数", e.get("sheet").asText());
        assertTrue(e.get("cell").asText().startsWith("C"));
        assertEquals(1, client.get("/api/v1/packs/meixian/versions").json().size(), "nothing stored");
        assertEquals(before, client.get("/api/v1/packs/meixian").json().get("version").asText());
        assertError(client.upload("/api/v1/packs/meixian/drafts", Map.of("notes.txt", new byte[] {1}), TOKEN), 400,
                "invalid_file");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] big = new byte[70 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        assertError(client.post("/api/v1/grade", big), 413, "body_too_large");
        assertEquals(0, count("batches"));
    }
}
