package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.app.Access;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.packs.catalog.ReloadMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit log holds each draft and publish with who, which role, from where and when; each refused token; never a token. */
class AuditTest extends ServiceOnAPort {
    private static final String EDITOR = "test-editor-token";

    private TestClient.Response audit(String token) throws Exception {
        return client.request("GET", "/api/v1/audit", "Authorization", "Bearer " + token);
    }

    @Test
    void aDraftAndAPublicationAreAuditedWithWhoAndWhenAndEveryPublisherIsKept() throws Exception {
        service.close();
        service = Service.start(Settings.defaults(Fixtures.HOME, dir.resolve("audit.db")).listening("127.0.0.1", 0)
                .withAdminToken(TOKEN).withWatch(false).withAccess(new Access(EDITOR, null, ReloadMode.DIRECT)),
                Fixtures.PACKS_CACHE);
        service.awaitSynced();
        client = new TestClient(service.port());
        byte[] xlsx = Files.readAllBytes(Path.of("decision-tables/shangnan/shangnan.xlsx"));

        TestClient.Response draft = client.upload("/api/v1/packs/shangnan/drafts", Map.of("shangnan.xlsx", xlsx),
                EDITOR, "X-Actor", "editor-li");
        assertTrue(draft.status() == 200 || draft.status() == 201, draft.text());
        String version = draft.json().get("version").asText();
        TestClient.Response published = client.request("POST", "/api/v1/packs/shangnan/versions/" + version
                + "/publish", "Authorization", "Bearer " + TOKEN, "X-Actor", "author-wang");
        assertEquals(200, published.status(), published.text());
        client.request("POST", "/api/v1/packs/shangnan/versions/" + version + "/publish",
                "Authorization", "Bearer " + EDITOR, "X-Actor", "editor-li");
        assertError(client.request("POST", "/api/v1/packs/shangnan/versions/" + version + "/publish",
                "Authorization", "Bearer guessed-secret"), 403, "token_rejected");

        TestClient.Response log = audit(TOKEN);
        assertEquals(200, log.status(), log.text());
        JsonNode entries = log.json().get("entries");
        // Newest first: the refused token, the editor's publish, the author's publish, the draft, then the reloads at start.
        JsonNode refused = entries.get(0);
        assertEquals("token_refused", refused.get("action").asText(), log.text());
        assertEquals("author or editor", refused.get("role").asText());
        assertEquals("127.0.0.1", refused.get("address").asText());
        assertTrue(refused.get("actor").isNull());
        // The draft holds the files on disk, so it is the version active since the start: publishing a
        // version that was active before is a revert, and the log says so.
        assertEquals("revert", entries.get(1).get("action").asText(), log.text());
        assertEquals("editor-li", entries.get(1).get("actor").asText());
        assertEquals("editor", entries.get(1).get("role").asText());
        JsonNode publish = entries.get(2);
        assertEquals("revert", publish.get("action").asText(), log.text());
        assertEquals("author-wang", publish.get("actor").asText());
        assertEquals("author", publish.get("role").asText());
        assertEquals("shangnan", publish.get("pack").asText());
        assertEquals(version, publish.get("version").asText());
        assertTrue(publish.get("at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), publish.toString());
        JsonNode drafted = entries.get(3);
        assertEquals("draft", drafted.get("action").asText(), log.text());
        assertEquals("editor-li", drafted.get("actor").asText());
        assertEquals("editor", drafted.get("role").asText());
        assertEquals("reload", entries.get(4).get("action").asText(), log.text());
        assertFalse(log.text().contains("guessed-secret") || log.text().contains(TOKEN) || log.text().contains(EDITOR));

        // The version list keeps every activation, not only the latest publisher.
        JsonNode versions = client.get("/api/v1/packs/shangnan/versions").json();
        JsonNode v = null;
        for (JsonNode n : versions) {
            if (n.get("version").asText().equals(version)) {
                v = n;
            }
        }
        JsonNode activations = v.get("activations");
        assertTrue(activations.size() >= 2, v.toString());
        assertEquals("editor-li", activations.get(0).get("by").asText(), v.toString());
        assertEquals("author-wang", activations.get(1).get("by").asText(), v.toString());
        assertEquals("editor-li", v.get("publishedBy").asText());
    }

    @Test
    void onlyTheAdminTokenReadsTheLogAndPagesFollowTheCursor() throws Exception {
        service.awaitSynced(); // the packs' reloads are audited too; let them be written first
        assertError(client.get("/api/v1/audit"), 401, "token_required");
        assertError(audit("nope"), 403, "token_rejected");
        for (int i = 0; i < 3; i++) {
            audit("wrong-" + i);
        }
        JsonNode first = client.request("GET", "/api/v1/audit?limit=2", "Authorization", "Bearer " + TOKEN).json();
        assertEquals(2, first.get("entries").size());
        assertEquals("token_refused", first.at("/entries/0/action").asText());
        assertEquals("author", first.at("/entries/0/role").asText());
        JsonNode second = client.request("GET", "/api/v1/audit?limit=2&before=" + first.get("next").asText(),
                "Authorization", "Bearer " + TOKEN).json();
        assertEquals(2, second.get("entries").size());
        assertEquals("token_refused", second.at("/entries/1/action").asText(), second.toString());
        assertError(client.request("GET", "/api/v1/audit?limit=x", "Authorization", "Bearer " + TOKEN), 400,
                "invalid_parameter");
    }
}
