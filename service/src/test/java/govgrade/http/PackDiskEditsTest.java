package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.app.Access;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.packs.PackCopy;
import govgrade.packs.PackSource;
import govgrade.packs.catalog.ReloadMode;
import govgrade.store.Database;
import govgrade.store.PackVersions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pack files changed on disk, by hot reload and between restarts: hostile and broken files are
 * refused with their reasons while the active version keeps serving, files put back win back their
 * version, and review mode keeps disk edits waiting for a publish.
 */
@Tag("slow")
class PackDiskEditsTest {
    private static final String XLSX = "decision-tables/shangqiu/shangqiu.xlsx";
    private static final String DRL = "rules-drl/shangqiu/shangqiu.drl";
    private static final String TOKEN = "disk-test-token";
    /** A rule that compiles and throws as soon as it grades an account. */
    /** Allowed by the rule code check (no throw, no new), and still fails on every account while grading. */
    private static final String THROWING_RULE = "\nrule \"hostile: throws while grading\"\nwhen\n"
            + "    $a : NewMediaAccount()\nthen\n    insert(Integer.parseInt(\"boom\"));\nend\n";

    @TempDir
    Path dir;

    private Service start(Path home, ReloadMode reload, boolean watch) throws Exception {
        return Service.start(Settings.defaults(home, dir.resolve("g.db")).listening("127.0.0.1", 0)
                .withMaxBodyBytes(1 << 20).withAdminToken(TOKEN).withWatch(watch)
                .withAccess(new Access(null, null, reload)), Fixtures.PACKS_CACHE);
    }

    /** Written beside the pack folders, then moved over the file, as editors save. */
    private static void save(Path file, byte[] bytes) throws Exception {
        Path parked = file.toAbsolutePath().getParent().getParent().resolveSibling("." + file.getFileName() + ".saving");
        Files.write(parked, bytes);
        Files.move(parked, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonNode status(TestClient c) throws Exception {
        return c.get("/api/v1/packs/shangqiu").json();
    }

    /** The pack's status once {@code until} holds, failing after 30 s. */
    private static JsonNode await(TestClient c, Predicate<JsonNode> until) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        JsonNode s = status(c);
        while (!until.test(s) && System.currentTimeMillis() < end) {
            Thread.sleep(100);
            s = status(c);
        }
        assertTrue(until.test(s), "status never settled: " + s);
        return s;
    }

    private static String gradedVersion(TestClient c) throws Exception {
        TestClient.Response r = c.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangqiu")));
        assertEquals(200, r.status(), r.text());
        return r.json().at("/pack/version").asText();
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void restoredFilesMakeTheEarlierVersionActiveAgainByHotReloadAndAfterARestart() throws Exception {
        Path home = PackCopy.copy("shangqiu", dir.resolve("home"));
        Path xlsx = home.resolve(XLSX);
        byte[] original = Files.readAllBytes(xlsx);
        String v1;
        String v2;
        try (Service s = start(home, ReloadMode.DIRECT, true)) {
            TestClient c = new TestClient(s.port());
            v1 = status(c).get("version").asText();
            PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(30));
            JsonNode edited = await(c, j -> !j.get("version").asText().equals(v1));
            v2 = edited.get("version").asText();
            assertEquals("disk", edited.get("activatedBy").asText());
            assertFalse(edited.get("restored").asBoolean());

            save(xlsx, original);
            JsonNode back = await(c, j -> j.get("version").asText().equals(v1));
            assertTrue(back.get("restored").asBoolean(), back.toString());
            assertEquals("restored", back.get("activatedBy").asText());
            assertEquals(v1, gradedVersion(c));
            assertEquals(2, c.get("/api/v1/packs/shangqiu/versions").json().size(), "a restore stores nothing new");
        }
        // Edited while the service was down: the files on disk changed since they were last taken, so they win.
        PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(30));
        try (Service s = start(home, ReloadMode.DIRECT, false)) {
            assertEquals(v2, status(new TestClient(s.port())).get("version").asText());
        }
        save(xlsx, original);
        try (Service s = start(home, ReloadMode.DIRECT, false)) {
            TestClient c = new TestClient(s.port());
            JsonNode back = status(c);
            assertEquals(v1, back.get("version").asText());
            assertTrue(back.get("restored").asBoolean(), back.toString());
            assertEquals(v1, gradedVersion(c));
        }
        // Unchanged files at the next start change nothing.
        try (Service s = start(home, ReloadMode.DIRECT, false)) {
            assertEquals(v1, status(new TestClient(s.port())).get("version").asText());
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void hostileAndBrokenFilesOnDiskAreRefusedWithTheirReasonsAndTheActiveVersionKeepsServing() throws Exception {
        Path home = PackCopy.copy("shangqiu", dir.resolve("home"));
        Path xlsx = home.resolve(XLSX);
        Path drl = home.resolve(DRL);
        byte[] workbook = Files.readAllBytes(xlsx);
        byte[] rules = Files.readAllBytes(drl);
        try (Service s = start(home, ReloadMode.DIRECT, true)) {
            TestClient c = new TestClient(s.port());
            String good = status(c).get("version").asText();

            // A rule that throws while grading: compiles, cannot grade the pack's fixtures.
            save(drl, (new String(rules, StandardCharsets.UTF_8) + THROWING_RULE).getBytes(StandardCharsets.UTF_8));
            JsonNode thrown = await(c, j -> j.get("status").asText().equals("error"));
            assertEquals(good, thrown.get("version").asText());
            assertTrue(thrown.get("errors").toString().contains("hostile")
                    || thrown.get("errors").get(0).get("file").asText().startsWith("fixtures/shangqiu/"),
                    thrown.toString());
            assertEquals(good, gradedVersion(c));
            save(drl, rules);
            await(c, j -> j.get("status").asText().equals("ok"));

            // 5.5 in a whole-number cell: compiles, cannot grade (or refused at its cell).
            PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(5.5));
            JsonNode half = await(c, j -> j.get("status").asText().equals("error"));
            assertEquals(good, half.get("version").asText());
            assertEquals(good, gradedVersion(c));

            // A workbook that does not compile.
            PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue("两周"));
            JsonNode broken = await(c, j -> j.get("errors").size() > 0 && "参数".equals(j.at("/errors/0/sheet").asText()));
            assertEquals(good, broken.get("version").asText());
            save(xlsx, workbook);
            await(c, j -> j.get("status").asText().equals("ok"));

            // A second workbook beside the first: refused, named, not compiled twice.
            Files.copy(xlsx, home.resolve("decision-tables/shangqiu/shangqiu (1).xlsx"));
            JsonNode two = await(c, j -> j.get("status").asText().equals("error"));
            assertTrue(two.get("errors").toString().contains("one workbook"), two.toString());
            assertEquals(good, two.get("version").asText());
            Files.delete(home.resolve("decision-tables/shangqiu/shangqiu (1).xlsx"));
            JsonNode ok = await(c, j -> j.get("status").asText().equals("ok"));
            assertEquals(good, ok.get("version").asText());
            assertFalse(ok.get("restored").asBoolean(), "never left: nothing was restored");

            JsonNode versions = c.get("/api/v1/packs/shangqiu/versions").json();
            for (JsonNode v : versions) {
                assertTrue(v.get("version").asText().equals(good) || v.get("status").asText().equals("refused"), v.toString());
            }
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void inReviewModeADiskEditAwaitsPublishAlsoAcrossRestarts() throws Exception {
        Path home = PackCopy.copy("shangqiu", dir.resolve("home"));
        String v1;
        try (Service s = start(home, ReloadMode.REVIEW, false)) {
            v1 = status(new TestClient(s.port())).get("version").asText();
        }
        PackCopy.editWorkbook(home.resolve(XLSX), wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(30));
        String v2;
        try (Service s = start(home, ReloadMode.REVIEW, false)) {
            TestClient c = new TestClient(s.port());
            JsonNode st = status(c);
            assertEquals(v1, st.get("version").asText(), "a disk edit in review mode does not go live");
            assertEquals("review", st.get("reload").asText());
            v2 = st.get("diskVersion").asText();
            assertNotEquals(v1, v2);
            JsonNode newest = c.get("/api/v1/packs/shangqiu/versions").json().get(0);
            assertEquals(v2, newest.get("version").asText());
            assertFalse(newest.get("active").asBoolean());
            assertEquals(v1, gradedVersion(c));
            assertEquals(200, c.postWithToken("/api/v1/packs/shangqiu/versions/" + v2 + "/publish", TOKEN).status());
            assertEquals(v2, gradedVersion(c));
        }
        try (Service s = start(home, ReloadMode.REVIEW, false)) {
            assertEquals(v2, status(new TestClient(s.port())).get("version").asText(), "published stays published");
        }
    }

    @Test
    void aVersionStoredUnderItsByteHashKeepsItsId() throws Exception {
        Path home = PackCopy.copy("shangqiu", dir.resolve("home"));
        String old = PackSource.bytesHash(PackSource.filesOnDisk(home, "shangqiu"));
        try (Database db = Database.open(dir.resolve("g.db"))) {
            PackVersions store = new PackVersions(db);
            store.store("shangqiu", old, PackSource.filesOnDisk(home, "shangqiu"), "disk", "disk", null,
                    PackVersions.OK, null);
            store.activate("shangqiu", old, "disk");
        }
        try (Service s = start(home, ReloadMode.DIRECT, false)) {
            TestClient c = new TestClient(s.port());
            assertEquals(old, status(c).get("version").asText());
            assertEquals(old, gradedVersion(c));
            assertEquals(1, c.get("/api/v1/packs/shangqiu/versions").json().size());
        }
    }
}
