package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.app.StoreSettings;
import govgrade.store.StoreCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade one instance at a time: with {@code --store-codec gzip} every row the service writes
 * starts as gzip does (which a release before zstd reads), and the same store served afterwards
 * with the default answers every stored run and what-if as it was answered.
 */
class StoreCodecOverHttpTest {
    @TempDir
    Path dir;

    private Service start(StoreCodec codec) throws Exception {
        Service s = Service.start(Settings.defaults(Fixtures.HOME, dir.resolve("govgrade.db"))
                .listening("127.0.0.1", 0).withWatch(false)
                .withStore(new StoreSettings(null, StoreSettings.DEFAULT_POLL, codec)), Fixtures.PACKS_CACHE);
        s.awaitSynced();
        return s;
    }

    @Test
    void gzipChosenStoresGzipRowsAndTheDefaultServesThemAfterTheUpgrade() throws Exception {
        byte[] batch = Files.readAllBytes(Fixtures.batch("shangqiu"));
        String run;
        String whatIf;
        JsonNode storedRun;
        JsonNode storedWhatIf;
        try (Service gzip = start(StoreCodec.GZIP)) {
            TestClient client = new TestClient(gzip.port());
            TestClient.Response graded = client.post("/api/v1/grade", batch);
            assertEquals(200, graded.status(), graded.text());
            run = graded.json().get("run").asText();
            TestClient.Response w = client.post("/api/v1/runs/" + run + "/whatif", "{}");
            assertEquals(200, w.status(), w.text());
            whatIf = w.json().get("id").asText();
            storedRun = client.get("/api/v1/runs/" + run).json();
            storedWhatIf = client.get("/api/v1/whatifs/" + whatIf).json();
        }
        assertEquals("1f8b", start("SELECT body FROM batches"));
        assertEquals("1f8b", start("SELECT result FROM runs WHERE id = '" + run + "'"));
        assertEquals("1f8b", start("SELECT result FROM whatifs WHERE id = '" + whatIf + "'"));

        try (Service zstd = start(StoreCodec.ZSTD)) {
            TestClient client = new TestClient(zstd.port());
            assertEquals(storedRun, client.get("/api/v1/runs/" + run).json());
            assertEquals(storedWhatIf, client.get("/api/v1/whatifs/" + whatIf).json());
            String again = client.post("/api/v1/grade", batch).json().get("run").asText();
            assertEquals("28b5", start("SELECT result FROM runs WHERE id = '" + again + "'"));
        }
    }

    /** The first two bytes of one stored value, in hex: 1f8b for gzip, 28b5 for zstd. */
    private String start(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("govgrade.db"));
             PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return HexFormat.of().formatHex(r.getBytes(1), 0, 2);
        }
    }
}
