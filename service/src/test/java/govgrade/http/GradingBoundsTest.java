package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.packs.Budgets;
import govgrade.packs.PackCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A grading that exceeds a bound is answered as a JSON error naming the rule and the limit, never
 * a 500 or a held request, and the service answers meanwhile. The hostile pack is luoshan with two
 * rules any pack may hold (insert a problem; no name the allow-list refuses) that feed each other
 * only for one account id, so the pack still grades its own circular as a working version must.
 */
class GradingBoundsTest extends ServiceOnAPort {
    static final String FEEDS_ITSELF = """

            rule "触发"
            when
                $a : NewMediaAccount( id == "hostile-trigger" )
            then
                insert( Problem.of( drools, $a, "NO_UPDATE_2_WEEKS" ) );
            end

            rule "再报一次"
            when
                $p : Problem( code == "NO_UPDATE_2_WEEKS", subject.id == "hostile-trigger" )
            then
                insert( Problem.of( drools, $p.getSubject(), "NO_UPDATE_2_WEEKS" ) );
            end
            """;
    static final String BATCH = "{'pack':'luoshan','period':{'from':'2019-01-01','to':'2019-06-30'},'accounts':["
            + "{'id':'hostile-trigger','name':'x','platform':'wechat','lastUpdate':'2019-06-28'}]}";

    /** Restarts the service over a home whose luoshan holds the rules above, under {@code budgets}. */
    void restartWithHostileLuoshan(Budgets budgets) throws Exception {
        Path home = PackCopy.copy("luoshan", dir.resolve("home"));
        Files.writeString(home.resolve("rules-drl/luoshan/luoshan.drl"), FEEDS_ITSELF, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        service.close();
        service = Service.start(Settings.defaults(home, dir.resolve("hostile.db")).listening("127.0.0.1", 0)
                .withAdminToken(TOKEN).withWatch(false).withBudgets(budgets), Fixtures.PACKS_CACHE);
        service.awaitSynced();
        client = new TestClient(service.port());
    }

    @Test
    void aRuleThatFeedsItselfIsAnsweredPackFailedNamingTheRuleAndTheLimit() throws Exception {
        restartWithHostileLuoshan(Budgets.DEFAULTS);

        TestClient.Response r = client.post("/api/v1/grade", BATCH.replace('\'', '"'));

        assertError(r, 422, "pack_failed");
        JsonNode j = r.json();
        assertEquals("再报一次", j.get("rule").asText(), r.text());
        assertEquals("10,060 firings", j.get("limit").asText(), r.text());
        assertEquals("--max-firings-per-fact", j.get("flag").asText(), r.text());
        assertEquals("luoshan", j.at("/pack/id").asText(), r.text());
        assertTrue(j.get("message").asText().contains("rule \"再报一次\" fired"), r.text());
        assertEquals(0, countIn("hostile.db", "runs"));
        assertEquals(200, client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("luoshan"))).status(),
                "the same pack grades a batch that does not set its rules off");
    }

    @Test
    void aGradingOverItsTimeIsAnswered503WhileHealthAnswersWithinASecond() throws Exception {
        // Firings without limit, so the time budget is the bound that stops the rules.
        restartWithHostileLuoshan(Budgets.DEFAULTS.withFirings(1_000_000, 1_000_000)
                .withTimes(Duration.ofMillis(1_500), Duration.ofSeconds(60)));
        TestClient grading = client;

        CompletableFuture<TestClient.Response> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return grading.post("/api/v1/grade", BATCH.replace('\'', '"'));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        long start = System.nanoTime();
        TestClient.Response health = client.get("/api/v1/health");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertFalse(answer.isDone(), "the grading was still running when health was asked");
        assertEquals(200, health.status(), health.text());
        assertTrue(ms < 1_000, "health answered in " + ms + " ms");

        TestClient.Response r = answer.get();
        assertError(r, 503, "grading_timeout");
        assertTrue(r.json().get("message").asText().contains("took longer than 1500 ms grading"), r.text());
        assertEquals("--grading-timeout-s", r.json().get("flag").asText());
        assertEquals("再报一次", r.json().get("rule").asText(), r.text());
        assertEquals(0, countIn("hostile.db", "runs"));
    }

    int countIn(String db, String table) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(db));
             var r = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }
}
