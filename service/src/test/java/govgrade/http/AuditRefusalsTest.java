package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pack changes that fail are audited as those that succeed are, and a store that cannot audit never
 * turns a done publish into a 500.
 */
class AuditRefusalsTest extends ServiceOnAPort {

    private JsonNode entries() throws Exception {
        TestClient.Response log = client.request("GET", "/api/v1/audit?limit=10", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, log.status(), log.text());
        return log.json().get("entries");
    }

    @Test
    void aRefusedDraftAndAFailedPublishAreAuditedWithWhoAndWhy() throws Exception {
        service.awaitSynced();
        TestClient.Response draft = client.upload("/api/v1/packs/meixian/drafts",
                Map.of("meixian.drl", "rule \"broken\" when then nothing(".getBytes(StandardCharsets.UTF_8)), TOKEN,
                "X-Actor", "author-zhao");
        assertEquals(400, draft.status(), draft.text());
        TestClient.Response publish = client.request("POST", "/api/v1/packs/meixian/versions/abc/publish",
                "Authorization", "Bearer " + TOKEN, "X-Actor", "author-zhao");
        assertEquals(404, publish.status(), publish.text());

        JsonNode e = entries();
        assertEquals("publish_refused", e.at("/0/action").asText(), e.toString());
        assertEquals("author-zhao", e.at("/0/actor").asText());
        assertEquals("author", e.at("/0/role").asText());
        assertEquals("abc", e.at("/0/version").asText());
        assertTrue(e.at("/0/detail").asText().endsWith(": UnknownVersion"), e.toString());
        assertEquals("draft_refused", e.at("/1/action").asText(), e.toString());
        assertEquals("meixian", e.at("/1/pack").asText());
        assertTrue(e.at("/1/version").isNull());
        assertTrue(e.at("/1/detail").asText().endsWith(": PackRejected"), e.toString());
    }

    @Test
    void aPublishDoneWhileTheAuditCannotBeWrittenAnswers200() throws Exception {
        service.awaitSynced();
        String drl = Files.readString(Path.of("rules-drl/meixian/meixian.drl"), StandardCharsets.UTF_8)
                + "\n// audit store failure test\n";
        TestClient.Response draft = client.upload("/api/v1/packs/meixian/drafts",
                Map.of("meixian.drl", drl.getBytes(StandardCharsets.UTF_8)), TOKEN);
        assertEquals(201, draft.status(), draft.text());
        String version = draft.json().get("version").asText();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("govgrade.db"))) {
            c.createStatement().execute("DROP TABLE audit");
        }
        TestClient.Response published = client.request("POST", "/api/v1/packs/meixian/versions/" + version + "/publish",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(200, published.status(), "the publish is done, the audit row is lost: " + published.text());
        assertEquals(version, client.get("/api/v1/packs/meixian").json().get("version").asText());
    }
}
