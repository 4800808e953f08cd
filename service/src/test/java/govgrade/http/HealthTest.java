package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.packs.PackCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

/** Health says which pack is refused and whether the store answers; a refused pack is degraded, still 200. */
class HealthTest extends ServiceOnAPort {

    @Test
    void allPacksGradingIsOk() throws Exception {
        service.awaitSynced();
        TestClient.Response r = client.get("/api/v1/health");
        assertEquals(200, r.status());
        JsonNode h = r.json();
        assertEquals("ok", h.get("status").asText(), h.toString());
        assertEquals("ok", h.get("store").asText());
        assertEquals("ok", h.at("/packStates/meixian/state").asText());
        assertEquals(h.at("/packs/meixian").asText(), h.at("/packStates/meixian/version").asText());
    }

    @Test
    void aRefusedPackMakesItDegradedStill200AndNamesThePack() throws Exception {
        Path home = PackCopy.copy("luoshan", dir.resolve("home"));
        PackCopy.copy("meixian", home);
        Files.writeString(home.resolve("rules-drl/meixian/meixian.drl"), "\nrule \"broken\" when then x( end\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        service.close();
        service = Service.start(Settings.defaults(home, dir.resolve("degraded.db")).listening("127.0.0.1", 0)
                .withAdminToken(TOKEN).withWatch(false), Fixtures.PACKS_CACHE);
        service.awaitSynced();
        client = new TestClient(service.port());

        TestClient.Response r = client.get("/api/v1/health");
        assertEquals(200, r.status(), "a load balancer keeps routing: luoshan still grades");
        JsonNode h = r.json();
        assertEquals("degraded", h.get("status").asText(), h.toString());
        assertEquals("refused", h.at("/packStates/meixian/state").asText(), h.toString());
        assertEquals(true, h.at("/packStates/meixian/errorCount").asInt() >= 1, h.toString());
        assertEquals("ok", h.at("/packStates/luoshan/state").asText());
        assertEquals(200, client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("luoshan"))).status());
    }

    @Test
    void aStoreThatCannotBeReadIs503Failing() throws Exception {
        service.awaitSynced();
        // The database file replaced under the running service by something that is not SQLite.
        Files.writeString(dir.resolve("govgrade.db"), "not a database".repeat(1000));
        Files.deleteIfExists(dir.resolve("govgrade.db-wal"));
        Files.deleteIfExists(dir.resolve("govgrade.db-shm"));
        TestClient.Response r = client.get("/api/v1/health");
        JsonNode h = r.json();
        assertEquals(503, r.status(), h.toString());
        assertEquals("failing", h.get("status").asText());
        assertEquals("failing", h.get("store").asText());
    }
}
