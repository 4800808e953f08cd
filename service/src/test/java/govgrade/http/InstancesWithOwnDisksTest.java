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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances over one store, each with its own disk: one with the whole home folder, one with an
 * empty home or other files. The store, not the disk, decides what a version is tested against,
 * one instance's files are not another's edits, and a draft made on one is compiled on the other
 * before anyone publishes it.
 */
@Tag("slow") // about 15 s: three starts of a service and four compiles of shangqiu
class InstancesWithOwnDisksTest {
    private static final String TOKEN = "test-admin-token";
    private static final StoreSettings POLLED = new StoreSettings(null, Duration.ofMillis(250));

    @TempDir
    Path dir;

    private Service start(Path home, PackCache cache) throws Exception {
        Service s = Service.start(Settings.defaults(home, dir.resolve("govgrade.db")).listening("127.0.0.1", 0)
                .withAdminToken(TOKEN).withWatch(false).withStore(POLLED), cache);
        s.awaitSynced();
        return s;
    }

    private static PackCache ownCache() {
        return new PackCache(PackCache.DEFAULT_MAX_VERSIONS, Budgets.DEFAULTS);
    }

    @Test
    void anInstanceWithAnEmptyHomeRefusesADraftThatBreaksAFixtureAsTheOneWithFixturesDoes() throws Exception {
        // A rule that throws on an account of the published circular only: the built-in batch grades.
        String drl = Files.readString(Fixtures.HOME.resolve("rules-drl/shangqiu/shangqiu.drl"))
                + "\nrule \"hostile: throws on the circular\"\nwhen\n    $a : NewMediaAccount( id == \"shangqiu-a1\" )\n"
                + "then\n    insert(Integer.parseInt(\"boom\"));\nend\n";
        Map<String, byte[]> upload = Map.of("shangqiu.drl", drl.getBytes(StandardCharsets.UTF_8));
        Path empty = Files.createDirectories(dir.resolve("no-packs"));
        try (Service one = start(Fixtures.HOME, Fixtures.PACKS_CACHE); Service two = start(empty, ownCache())) {
            for (Service s : new Service[] {two, one}) {
                TestClient.Response r = new TestClient(s.port()).upload("/api/v1/packs/shangqiu/drafts", upload, TOKEN);
                assertEquals(422, r.status(), r.text());
                JsonNode body = r.json();
                assertEquals("version_refused", body.get("error").asText(), r.text());
                assertTrue(r.text().contains("fixtures/shangqiu/shangqiu.json") && r.text().contains("boom"), r.text());
            }
            // A draft that grades is reviewed against the same circulars on the instance without them.
            Path staff = PackCopy.copy("shangqiu", dir.resolve("staff"));
            Path xlsx = staff.resolve("decision-tables/shangqiu/shangqiu.xlsx");
            PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(30));
            Map<String, byte[]> edit = Map.of("shangqiu.xlsx", Files.readAllBytes(xlsx));
            JsonNode onEmpty = new TestClient(two.port()).upload("/api/v1/packs/shangqiu/drafts", edit, TOKEN).json();
            JsonNode onFull = new TestClient(one.port()).upload("/api/v1/packs/shangqiu/drafts", edit, TOKEN).json();
            assertEquals(1, onEmpty.at("/tests/fixtures").asInt(), onEmpty.toString());
            assertTrue(onEmpty.at("/tests/figures").asInt() > 0, onEmpty.toString());
            assertEquals(onFull.get("tests"), onEmpty.get("tests"));
        }
    }

    @Test
    void anInstancesOtherFilesOnDiskAreNotTakenForAnEditByTheFirstWhenItRestarts() throws Exception {
        Path first = PackCopy.copy("shangqiu", dir.resolve("first"));
        Path second = PackCopy.copy("shangqiu", dir.resolve("second"));
        PackCopy.editWorkbook(second.resolve("decision-tables/shangqiu/shangqiu.xlsx"),
                wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(30));
        String firstVersion;
        try (Service one = start(first, Fixtures.PACKS_CACHE)) {
            firstVersion = one.catalog().activeVersion("shangqiu").orElseThrow();
        }
        String secondVersion;
        try (Service two = start(second, Fixtures.PACKS_CACHE)) {
            // New files on the second disk are an edit there (direct reload): they become active.
            secondVersion = two.catalog().activeVersion("shangqiu").orElseThrow();
            assertNotEquals(firstVersion, secondVersion);
        }
        try (Service one = start(first, Fixtures.PACKS_CACHE)) {
            // The first disk is as the first instance last took it: nothing to take, the second's version stays.
            assertEquals(secondVersion, one.catalog().activeVersion("shangqiu").orElseThrow());
            assertEquals("disk", one.catalog().activeSince("shangqiu").orElseThrow().how());
        }
    }

    @Test
    void aDraftMadeOnOneInstanceIsCompiledOnTheOtherBeforeItIsPublished() throws Exception {
        Path staff = PackCopy.copy("shangqiu", dir.resolve("staff"));
        Path xlsx = staff.resolve("decision-tables/shangqiu/shangqiu.xlsx");
        PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(31));
        Path empty = Files.createDirectories(dir.resolve("no-packs"));
        PackCache othersCache = ownCache();
        try (Service one = start(Fixtures.HOME, Fixtures.PACKS_CACHE); Service two = start(empty, othersCache)) {
            TestClient first = new TestClient(one.port());
            TestClient second = new TestClient(two.port());
            // The other instance serves the bundled version already (compiled on its first grading).
            assertEquals(200, second.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangqiu"))).status());
            String version = first.upload("/api/v1/packs/shangqiu/drafts", Map.of("shangqiu.xlsx",
                    Files.readAllBytes(xlsx)), TOKEN).json().get("version").asText();
            long start = System.nanoTime();
            while (othersCache.cached(version).isEmpty()) {
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(),
                        "the draft was not compiled on the other instance within 20 s");
                Thread.sleep(50);
            }
            System.out.printf("draft %s compiled on the other instance %d ms after it was stored%n", version,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
            assertEquals("PASS", ServiceOnAPort.result(publishAndGrade(first, second, version),
                    "shangqiu-a1").get("grade").asText());
        }
    }

    /** Publishes on {@code first}, grades on {@code second} until it names the version; prints how long. */
    private static JsonNode publishAndGrade(TestClient first, TestClient second, String version) throws Exception {
        byte[] batch = Files.readAllBytes(Fixtures.batch("shangqiu"));
        assertEquals(200, first.postWithToken("/api/v1/packs/shangqiu/versions/" + version + "/publish", TOKEN)
                .status());
        long start = System.nanoTime();
        while (true) {
            JsonNode graded = second.post("/api/v1/grade", batch).json();
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            if (graded.at("/pack/version").asText().equals(version)) {
                System.out.printf("version %s, compiled ahead, graded on the other instance after %d ms%n", version, ms);
                return graded;
            }
            assertTrue(ms < 2000, "still " + graded.at("/pack/version").asText() + " after " + ms + " ms");
            Thread.sleep(20);
        }
    }
}
