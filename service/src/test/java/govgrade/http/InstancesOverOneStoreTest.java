package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.app.StoreSettings;
import govgrade.packs.Budgets;
import govgrade.packs.PackCopy;
import govgrade.packs.catalog.PackCache;
import govgrade.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances over one store: a publish or a revert on either grades on the other within two
 * seconds, and every answer names the version that graded it. The second instance has no pack
 * on its disk and a cache of its own: it grades from the files the store holds.
 */
@Tag("slow") // about 7 s on SQLite, 50 s on PostgreSQL with a fresh cluster and a cold compile of every pack
class InstancesOverOneStoreTest {
    private static final String TOKEN = "test-admin-token";
    private static final Duration WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private Service start(Path home, StoreSettings store, PackCache cache) throws Exception {
        Service s = Service.start(Settings.defaults(home, dir.resolve("govgrade.db")).listening("127.0.0.1", 0)
                .withAdminToken(TOKEN).withWatch(false).withStore(store), cache);
        s.awaitSynced();
        return s;
    }

    @Test
    void onPostgresqlAPublishOnOneInstanceGradesOnTheOtherAtOnceByNotification() throws Exception {
        // Polling every minute: only the notification can bring the news within two seconds.
        publishOnOneGradesOnTheOther(new StoreSettings(TestPostgres.newDatabase(), Duration.ofMinutes(1)));
    }

    @Test
    void overOneSqliteFileTheOtherProcessPollsForIt() throws Exception {
        publishOnOneGradesOnTheOther(new StoreSettings(null, Duration.ofMillis(250)));
    }

    private void publishOnOneGradesOnTheOther(StoreSettings store) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-packs"));
        try (Service one = start(Fixtures.HOME, store, Fixtures.PACKS_CACHE);
             Service two = start(empty, store, new PackCache(PackCache.DEFAULT_MAX_VERSIONS, Budgets.DEFAULTS))) {
            TestClient first = new TestClient(one.port());
            TestClient second = new TestClient(two.port());
            byte[] batch = Files.readAllBytes(Fixtures.batch("shangqiu"));
            JsonNode before = second.post("/api/v1/grade", batch).json();
            String bundled = before.at("/pack/version").asText();
            assertEquals(bundled, first.get("/api/v1/packs/shangqiu").json().get("version").asText());
            assertEquals("FAIL", ServiceOnAPort.result(before, "shangqiu-a1").get("grade").asText());

            // Staff on the first instance allow 30 days without an update instead of 14, and publish.
            Path staff = PackCopy.copy("shangqiu", dir.resolve("staff"));
            Path xlsx = staff.resolve("decision-tables/shangqiu/shangqiu.xlsx");
            PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(30));
            String version = first.upload("/api/v1/packs/shangqiu/drafts",
                    Map.of("shangqiu.xlsx", Files.readAllBytes(xlsx)), TOKEN).json().get("version").asText();
            assertNotEquals(bundled, version);
            assertEquals(200, first.postWithToken("/api/v1/packs/shangqiu/versions/" + version + "/publish", TOKEN)
                    .status());
            JsonNode after = gradedWith(second, batch, version);
            // 23 days since the last update fails at 14 days, passes at 30.
            assertEquals("PASS", ServiceOnAPort.result(after, "shangqiu-a1").get("grade").asText());

            // A revert on the second instance is the first one's active version as soon.
            assertEquals(200, second.postWithToken("/api/v1/packs/shangqiu/versions/" + bundled + "/publish", TOKEN)
                    .status());
            JsonNode back = gradedWith(first, batch, bundled);
            assertEquals("FAIL", ServiceOnAPort.result(back, "shangqiu-a1").get("grade").asText());
        }
    }

    /** Grades until the answer names {@code version}; fails past {@link #WITHIN}. Every answer names a version. */
    private static JsonNode gradedWith(TestClient client, byte[] batch, String version) throws Exception {
        long start = System.nanoTime();
        while (true) {
            TestClient.Response r = client.post("/api/v1/grade", batch);
            assertEquals(200, r.status(), r.text());
            JsonNode graded = r.json();
            String named = graded.at("/pack/version").asText();
            assertEquals(16, named.length(), "every result names its version: " + named);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (named.equals(version)) {
                System.out.printf("version %s graded on the other instance after %d ms%n", version, took.toMillis());
                return graded;
            }
            assertTrue(took.compareTo(WITHIN) < 0, "still " + named + " after " + took.toMillis() + " ms, not " + version);
            Thread.sleep(20);
        }
    }
}
