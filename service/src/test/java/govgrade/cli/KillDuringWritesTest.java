package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the service killed with SIGKILL 20 times at random moments while four clients
 * grade and store runs, restarted over the same database each time. Every run it acknowledged
 * (a 200 with a run id) reads back whole, and SQLite's integrity check is ok.
 */
@Tag("slow")
class KillDuringWritesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KILLS = 20;
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRunSurvivesTwentyKillsDuringWrites() throws Exception {
        Path home = PackCopy.copy("shangnan", dir.resolve("home"));
        Path db = dir.resolve("g.db");
        byte[] batch = Files.readAllBytes(Fixtures.batch("shangnan"));
        Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
        Random random = new Random(20261202);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                try (ServeProcess serve = ServeProcess.start(home, db, dir.resolve("serve.log"))) {
                    assertAllReadBack(http, serve, acknowledged);
                    AtomicBoolean up = new AtomicBoolean(true);
                    List<Future<?>> round = new ArrayList<>();
                    for (int c = 0; c < CLIENTS; c++) {
                        round.add(clients.submit(() -> grade(http, serve, batch, up, acknowledged)));
                    }
                    int before = acknowledged.size();
                    while (acknowledged.size() == before) {
                        Thread.sleep(20); // writes under way: the first of this round is acknowledged
                    }
                    Thread.sleep(random.nextInt(1500));
                    serve.kill();
                    up.set(false);
                    for (Future<?> f : round) {
                        f.get();
                    }
                }
            }
            try (ServeProcess serve = ServeProcess.start(home, db, dir.resolve("serve.log"))) {
                assertAllReadBack(http, serve, acknowledged);
            }
        } finally {
            clients.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet r = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            r.next();
            assertEquals("ok", r.getString(1));
        }
        assertTrue(acknowledged.size() >= KILLS, "too few writes to mean anything: " + acknowledged.size());
        System.out.printf("kill test: %d SIGKILLs, %d acknowledged runs, 0 lost, integrity ok%n", KILLS,
                acknowledged.size());
    }

    /** Grades in a loop until the service is killed; keeps each acknowledged answer. */
    private static void grade(HttpClient http, ServeProcess serve, byte[] batch, AtomicBoolean up,
                              Map<String, JsonNode> acknowledged) {
        while (up.get()) {
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(serve.base() + "/api/v1/grade"))
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(batch)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 200) {
                    JsonNode run = JSON.readTree(r.body());
                    acknowledged.put(run.get("run").asText(), run);
                }
            } catch (Exception killed) {
                return; // no answer, no acknowledgement: this run may or may not be stored
            }
        }
    }

    private static void assertAllReadBack(HttpClient http, ServeProcess serve, Map<String, JsonNode> acknowledged)
            throws Exception {
        for (Map.Entry<String, JsonNode> e : acknowledged.entrySet()) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(serve.base() + "/api/v1/runs/"
                    + e.getKey())).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), () -> "acknowledged run " + e.getKey() + " lost: " + new String(r.body()));
            assertEquals(e.getValue(), JSON.readTree(r.body()), "acknowledged run " + e.getKey() + " not whole");
        }
    }
}
