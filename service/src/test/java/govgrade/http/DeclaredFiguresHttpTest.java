package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.packs.FigureSheetEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures a pack declares, over HTTP: a batch carrying them is graded and its result shows what
 * the rules read; a batch whose figures do not fit the pack is a 400 with each mistake at its path;
 * a what-if regrades the stored batch with its figures. Slow: each test compiles its own pack.
 */
@Tag("slow")
class DeclaredFiguresHttpTest {
    @TempDir
    Path dir;

    private Service service;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        Path home = FigureSheetEdit.pack(dir.resolve("home"));
        service = Service.start(Settings.defaults(home, dir.resolve("g.db")).listening("127.0.0.1", 0)
                .withAdminToken("t").withWatch(false), Fixtures.PACKS_CACHE);
        client = new TestClient(service.port());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    /** The shangqiu fixture with {@code figures} on its second account (shangqiu-a2, which passes without). */
    private static byte[] batch(String figures) throws Exception {
        ObjectNode b = (ObjectNode) ServiceOnAPort.JSON.readTree(Files.readAllBytes(Fixtures.batch("shangqiu")));
        ((ObjectNode) b.get("accounts").get(1)).set("figures", ServiceOnAPort.JSON.readTree(figures));
        return ServiceOnAPort.JSON.writeValueAsBytes(b);
    }

    @Test
    void aDeclaredCountIsGradedShownAndRegradedFromTheStoredBatch() throws Exception {
        TestClient.Response r = client.post("/api/v1/grade", batch("{\"totalPosts\": 5, \"verified\": true}"));
        assertEquals(200, r.status(), r.text());
        JsonNode a2 = ServiceOnAPort.result(r.json(), "shangqiu-a2");
        assertEquals("FAIL", a2.get("grade").asText(), a2.toString());
        assertEquals(5, a2.at("/figures/declared/totalPosts").asInt(), a2.toString());
        // verified was sent but no rule read it: not in the result.
        assertTrue(a2.at("/figures/declared/verified").isMissingNode(), a2.toString());

        String run = r.json().get("run").asText();
        JsonNode w = client.post("/api/v1/runs/" + run + "/whatif", "{\"pack\":\"shangqiu\"}").json();
        // The stored batch still carries the figure: the regrade fails a2 again, nothing changes.
        assertEquals(0, w.get("changes").size(), w.toString());
        assertEquals(w.at("/grades/before"), w.at("/grades/after"), w.toString());
    }

    @Test
    void figuresThatDoNotFitThePackAreA400WithEveryMistakeAtItsPath() throws Exception {
        TestClient.Response r = client.post("/api/v1/grade",
                batch("{\"totalPost\": 5, \"verified\": \"yes\", \"openedOn\": \"2020-13-01\"}"));
        assertEquals(400, r.status(), r.text());
        List<String> paths = new ArrayList<>();
        r.json().get("violations").forEach(v -> paths.add(v.get("path").asText()));
        assertEquals(List.of("accounts[1].figures.totalPost", "accounts[1].figures.verified",
                "accounts[1].figures.openedOn"), paths, r.text());
        assertTrue(r.text().contains("did you mean totalPosts?"), r.text());
        assertEquals(0, ServiceOnAPort.JSON.readTree(client.get("/api/v1/runs").body()).path("runs").size());
    }

    @Test
    void aFigureOfTheWrongKindIsRefusedWhileReadingAndABundledPackTakesNone() throws Exception {
        TestClient.Response r = client.post("/api/v1/grade", batch("{\"totalPosts\": {\"n\": 5}}"));
        assertEquals(400, r.status(), r.text());
        assertEquals("accounts[1].figures.totalPosts", r.json().get("path").asText(), r.text());
    }
}
