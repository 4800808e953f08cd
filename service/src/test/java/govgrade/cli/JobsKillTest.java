package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import govgrade.store.TestPostgres;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A what-if job over 120 stored runs spread over three instances of the shaded jar over one
 * PostgreSQL; one instance is SIGKILLed while it holds leases and restarted after they ran out.
 * The job finishes with every item done once (one what-if per run, no doubles), by at least two
 * instances, the killed instance's items taken again by the others, and the same answer as the
 * same job done by one instance alone with no kill.
 */
@Tag("slow") // three JVMs, 120 gradings and 240 what-ifs on two cores: a minute or two
class JobsKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "jobs-kill-test-token";
    private static final int RUNS = 120;
    private static final int KILLED = 1;
    private static final long LEASE_MS = 4000;
    private static final String[] WORKERS = {"--job-workers", "2", "--job-lease-ms", Long.toString(LEASE_MS),
        "--job-poll-ms", "500"};

    @TempDir
    Path dir;

    private final Instances instances = new Instances(3, TOKEN);

    @Test
    void aJobSurvivesAnInstanceKilledWhileItHoldsLeases() throws Exception {
        String db = TestPostgres.newDatabase();
        List<String> jar = List.of("-jar", ShadedJar.fresh().toString());
        Path home = PackCopy.copy("meixian", dir.resolve("home"));
        // Serving in the JVM the test starts, so its SIGKILL hits the JVM that serves, not a launcher in front of it.
        Map<String, String> env = Map.of("GOVGRADE_ADMIN_TOKEN", TOKEN, "GOVGRADE_JVM_CACHE", "false");
        try {
            instances.set(0, ServeProcess.start(jar, home, db, 0, dir.resolve("serve-0.log"), env, WORKERS));
            gradeRuns();
            String draft = draft();
            String job = "{\"kind\":\"whatif\",\"pack\":\"meixian\",\"version\":\"" + draft + "\"}";

            long aloneStart = System.nanoTime();
            JsonNode alone = awaitFinished(0, start(0, job));
            long aloneMs = (System.nanoTime() - aloneStart) / 1_000_000;
            assertEquals(1, alone.get("instances").size(), alone.toString());

            ExecutorService starting = Executors.newFixedThreadPool(2);
            List<Future<ServeProcess>> later = new ArrayList<>();
            for (int k = 1; k < 3; k++) {
                int n = k;
                later.add(starting.submit(() -> ServeProcess.start(jar, home, db, 0, dir.resolve("serve-" + n + ".log"),
                        env, WORKERS)));
            }
            for (int k = 1; k < 3; k++) {
                instances.set(k, later.get(k - 1).get());
            }
            starting.shutdown();

            long spreadStart = System.nanoTime();
            String id = start(2, job);
            ServeProcess victim = instances.get(KILLED);
            Map<Integer, Integer> heldAtKill = heldBy(db, id, victim.port());
            while (heldAtKill.isEmpty()) {
                Thread.sleep(20);
                heldAtKill = heldBy(db, id, victim.port());
            }
            String killedName = claimedBy(db, id, heldAtKill.keySet().iterator().next());
            victim.kill();
            // What it held when it died (one may have finished between the look and the kill): a dead process changes nothing.
            heldAtKill = heldBy(db, id, victim.port());
            assertTrue(!heldAtKill.isEmpty(), "the killed instance held no item when it died");
            Thread.sleep(LEASE_MS + 1000); // restarted only after its leases ran out: the others must take its items
            instances.set(KILLED, ServeProcess.start(jar, home, db, victim.port(), dir.resolve("serve-again.log"), env,
                    WORKERS));
            JsonNode spread = awaitFinished(0, id);
            long spreadMs = (System.nanoTime() - spreadStart) / 1_000_000;

            assertEquals(RUNS, spread.at("/items/done").asInt(), spread.toString());
            assertEquals(0, spread.at("/items/failed").asInt(), spread.toString());
            assertTrue(spread.get("instances").size() >= 2, "done by one instance only: " + spread.get("instances"));
            assertEquals(2 * RUNS, count(db, "SELECT count(*) FROM whatifs"), "one what-if per run and job, no doubles");
            assertEquals(RUNS, count(db, "SELECT count(DISTINCT w.run_id) FROM whatifs w JOIN job_items i "
                    + "ON i.result_id = w.id WHERE i.job = '" + id + "'"));
            for (Map.Entry<Integer, Integer> held : heldAtKill.entrySet()) {
                String[] item = item(db, id, held.getKey());
                assertEquals("done", item[0]);
                assertNotEquals(killedName, item[1], "item " + held.getKey() + " was done by the killed instance");
                assertTrue(Integer.parseInt(item[2]) > held.getValue(), "item " + held.getKey() + " not claimed again");
            }
            assertEquals(withoutIds(alone.get("answer")), withoutIds(spread.get("answer")),
                    "the answer differs from the same job on one instance");
            System.out.printf("jobs kill test: %d items; alone on one instance %d ms made to finished (%d ms as "
                    + "followed); over three with one killed %d ms made to finished (%d ms as followed, a restart "
                    + "included); done per instance %s; killed %s holding %d item(s), re-claimed %d; %d changes%n",
                    RUNS, took(alone), aloneMs, took(spread), spreadMs, spread.get("instances"), killedName,
                    heldAtKill.size(), spread.get("reclaimed").asInt(), spread.at("/answer/changes").asInt());
        } finally {
            instances.close();
        }
    }

    private void gradeRuns() throws Exception {
        byte[] batch = Files.readAllBytes(Fixtures.batch("meixian"));
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> graded = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                graded.add(clients.submit(() -> send(0, "/api/v1/grade", Instances.post(batch)).statusCode()));
            }
            for (Future<Integer> f : graded) {
                assertEquals(200, f.get());
            }
        } finally {
            clients.shutdown();
        }
    }

    /** Mei county with "excellent news" at 7 posts instead of 5: three subjects change per run. */
    private String draft() throws Exception {
        Path staff = PackCopy.copy("meixian", dir.resolve("staff"));
        Path xlsx = staff.resolve("decision-tables/meixian/meixian.xlsx");
        PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "newsExcellentMinPosts").getCell(2).setCellValue(7));
        HttpResponse<byte[]> r = send(0, "/api/v1/packs/meixian/drafts", Instances.upload(xlsx));
        assertTrue(r.statusCode() / 100 == 2, () -> "draft: " + r.statusCode() + " " + text(r));
        return JSON.readTree(r.body()).get("version").asText();
    }

    private String start(int k, String job) throws Exception {
        HttpResponse<byte[]> r = send(k, "/api/v1/jobs", Instances.post(job.getBytes(StandardCharsets.UTF_8)));
        assertEquals(202, r.statusCode(), () -> text(r));
        JsonNode answer = JSON.readTree(r.body());
        assertEquals(RUNS, answer.at("/items/total").asInt(), answer.toString());
        return answer.get("job").asText();
    }

    private JsonNode awaitFinished(int k, String id) throws Exception {
        long until = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < until) {
            JsonNode job = JSON.readTree(send(k, "/api/v1/jobs/" + id, HttpRequest.newBuilder().GET()).body());
            if (job.get("state").asText().equals("finished")) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + id + " did not finish within 5 minutes");
    }

    /** The items of {@code job} the instance on {@code port} holds now: seq to attempts. */
    private static Map<Integer, Integer> heldBy(String db, String job, int port) throws SQLException {
        Map<Integer, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db); PreparedStatement s = c.prepareStatement(
                "SELECT seq, attempts FROM job_items WHERE job = ? AND state = 'claimed' AND claimed_by LIKE ?")) {
            s.setString(1, job);
            s.setString(2, "%:" + port + "-%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getInt(1), r.getInt(2));
                }
            }
        }
        return out;
    }

    private static String claimedBy(String db, String job, int seq) throws SQLException {
        try (Connection c = DriverManager.getConnection(db); PreparedStatement s = c.prepareStatement(
                "SELECT claimed_by FROM job_items WHERE job = ? AND seq = ?")) {
            s.setString(1, job);
            s.setInt(2, seq);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** State, done_by and attempts of one item. */
    private static String[] item(String db, String job, int seq) throws SQLException {
        try (Connection c = DriverManager.getConnection(db); PreparedStatement s = c.prepareStatement(
                "SELECT state, coalesce(done_by, ''), attempts FROM job_items WHERE job = ? AND seq = ?")) {
            s.setString(1, job);
            s.setInt(2, seq);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new String[] {r.getString(1), r.getString(2), Integer.toString(r.getInt(3))};
            }
        }
    }

    private static int count(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    /** From the job's making to its last item, as the store recorded them. */
    private static long took(JsonNode job) {
        return Duration.between(Instant.parse(job.get("createdAt").asText()), Instant.parse(job.get("finishedAt").asText()))
                .toMillis();
    }

    /** The answer without the what-if ids, which are new for every what-if. */
    private static JsonNode withoutIds(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        for (JsonNode run : (ArrayNode) copy.get("runs")) {
            ((ObjectNode) run).remove("whatif");
        }
        return copy;
    }

    private HttpResponse<byte[]> send(int k, String path, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return instances.send(k, path, request);
    }

    private static String text(HttpResponse<byte[]> r) {
        return r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
    }
}
