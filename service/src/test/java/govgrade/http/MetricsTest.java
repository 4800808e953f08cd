package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.app.Operations;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.packs.PackCopy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GET /metrics scraped from a real server, the request log line, and the request id. */
class MetricsTest extends ServiceOnAPort {

    @Test
    void aScrapeCountsRequestsByRouteGradingsPerPackTheStoreAndTheJvm() throws Exception {
        String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian"))).json()
                .get("run").asText();
        client.get("/api/v1/runs/" + run);
        client.get("/api/v1/runs/no-such-run");
        client.get("/made/up/path/" + run);

        TestClient.Response r = client.get("/metrics");
        assertEquals(200, r.status(), r.text());
        assertTrue(r.headers().get("content-type").get(0).startsWith("text/plain"), r.headers().toString());
        String m = r.text();
        assertEquals(1.0, value(m, "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/grade\",status=\"200\"}"));
        assertEquals(1.0, value(m, "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/runs/{run}\",status=\"200\"}"));
        assertEquals(1.0, value(m, "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/runs/{run}\",status=\"404\"}"));
        // A made-up path is counted under one label: clients cannot grow the metrics by inventing paths.
        assertEquals(1.0, value(m, "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}"));
        assertFalse(m.contains(run), "no run id in the metrics");
        assertEquals(1.0, value(m, "govgrade_batches_graded_total{pack=\"meixian\"}"));
        assertEquals(1.0, value(m, "govgrade_grading_seconds_count{pack=\"meixian\"}"));
        assertTrue(value(m, "govgrade_grading_seconds_sum{pack=\"meixian\"}") > 0);
        assertEquals(1.0, value(m, "govgrade_batch_subjects_count{pack=\"meixian\"}"));
        assertTrue(value(m, "govgrade_batch_subjects_sum{pack=\"meixian\"}") >= 20, m);
        assertEquals(1.0, value(m, "govgrade_pack_active{pack=\"meixian\"}"));
        assertEquals(0.0, value(m, "govgrade_pack_refused_errors{pack=\"meixian\"}"));
        assertTrue(value(m, "govgrade_store_writes_seconds_count") >= 1, m);
        assertTrue(value(m, "govgrade_store_size_bytes") > 0, m);
        assertTrue(value(m, "jvm_memory_used_bytes{area=\"heap\",id=") > 0, m);
        assertTrue(m.contains("process_uptime_seconds"), m);
        assertTrue(m.contains("jvm_threads_live_threads"), m);
    }

    @Test
    void boundsHitAndRefusedPacksAreCountedPerPack() throws Exception {
        Path home = PackCopy.copy("luoshan", dir.resolve("home"));
        Files.writeString(home.resolve("rules-drl/luoshan/luoshan.drl"), GradingBoundsTest.FEEDS_ITSELF,
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        PackCopy.copy("meixian", home);
        Files.writeString(home.resolve("rules-drl/meixian/meixian.drl"), "\nrule \"broken\" when then x( end\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        service.close();
        service = Service.start(Settings.defaults(home, dir.resolve("bounds.db")).listening("127.0.0.1", 0)
                .withAdminToken(TOKEN).withWatch(false), Fixtures.PACKS_CACHE);
        service.awaitSynced();
        client = new TestClient(service.port());

        assertError(client.post("/api/v1/grade", GradingBoundsTest.BATCH.replace('\'', '"')), 422, "pack_failed");
        String m = client.get("/metrics").text();
        assertEquals(1.0, value(m, "govgrade_evaluation_bounds_total{kind=\"firings\",pack=\"luoshan\"}"));
        assertEquals(1.0, value(m, "govgrade_pack_active{pack=\"luoshan\"}"));
        assertEquals(0.0, value(m, "govgrade_pack_active{pack=\"meixian\"}"));
        assertTrue(value(m, "govgrade_pack_refused_errors{pack=\"meixian\"}") >= 1, m);
    }

    @Test
    void withAMetricsTokenAScrapeMustCarryIt() throws Exception {
        service.close();
        service = Service.start(Settings.defaults(Fixtures.HOME, dir.resolve("token.db")).listening("127.0.0.1", 0)
                .withAdminToken(TOKEN).withWatch(false).withOperations(new Operations(List.of(), "scrape-me")),
                Fixtures.PACKS_CACHE);
        client = new TestClient(service.port());
        assertError(client.get("/metrics"), 401, "token_required");
        assertError(client.request("GET", "/metrics", "Authorization", "Bearer " + TOKEN), 403, "token_rejected");
        assertEquals(200, client.request("GET", "/metrics", "Authorization", "Bearer scrape-me").status());
    }

    @Test
    void eachRequestIsOneLogLineWithRoleAndRequestIdAndNeverTheToken() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        TestClient.Response mine;
        TestClient.Response theirs;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            mine = client.request("GET", "/api/v1/packs", "Authorization", "Bearer " + TOKEN, "X-Request-Id", "trace-42");
            theirs = client.request("GET", "/api/v1/health", "Authorization", "Bearer wrong-one",
                    "X-Request-Id", "not plain\u00e9");
        } finally {
            System.setErr(err);
        }
        assertEquals("trace-42", mine.headers().get("x-request-id").get(0));
        String generated = theirs.headers().get("x-request-id").get(0);
        assertTrue(generated.matches("[0-9a-f]{16}"), generated);
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(Pattern.compile("GET /api/v1/packs 200 \\d+ms role=author id=trace-42").matcher(log).find(), log);
        assertTrue(Pattern.compile("GET /api/v1/health 200 \\d+ms role=refused id=" + generated).matcher(log).find(),
                log);
        assertFalse(log.contains(TOKEN) || log.contains("wrong-one"), log);
    }

    /** The value of the first sample whose name and labels start with {@code prefix}. */
    static double value(String metrics, String prefix) {
        Matcher m = Pattern.compile("^" + Pattern.quote(prefix) + ".* ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        assertTrue(m.find(), "no sample " + prefix + " in\n" + metrics);
        return Double.parseDouble(m.group(1));
    }
}
