package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.app.Access;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.packs.PackCopy;
import govgrade.packs.catalog.ReloadMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library file edited on disk is a new version of the pack that includes it, by hot reload; the
 * earlier version published again grades with the library text it had, not with the one on disk.
 */
@Tag("slow")
class SharedLibraryReloadTest {
    private static final String TOKEN = "library-test-token";
    private static final String OLD_NAME = "新媒体：两周未更新";
    private static final String NEW_NAME = "新媒体：两周未更新（库已改）";

    @TempDir
    Path dir;

    private static String graded(TestClient c) throws Exception {
        TestClient.Response r = c.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("luoshan")));
        assertEquals(200, r.status(), r.text());
        return r.text();
    }

    private static String version(TestClient c) throws Exception {
        return c.get("/api/v1/packs/luoshan").json().get("version").asText();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aLibraryEditReloadsTheIncludingPackAndAnOldVersionKeepsItsLibraryText() throws Exception {
        Path home = PackCopy.copy("luoshan", dir.resolve("home"));
        Path lib = home.resolve("rules-lib/stale.drl");
        try (Service s = Service.start(Settings.defaults(home, dir.resolve("g.db")).listening("127.0.0.1", 0)
                .withAdminToken(TOKEN).withWatch(true).withAccess(new Access(null, null, ReloadMode.DIRECT)),
                Fixtures.PACKS_CACHE)) {
            TestClient c = new TestClient(s.port());
            String v1 = version(c);
            assertTrue(graded(c).contains(OLD_NAME), "the library rule explains the stale accounts");

            Path parked = dir.resolve(".stale.drl.saving");
            Files.writeString(parked, Files.readString(lib).replace(OLD_NAME, NEW_NAME), StandardCharsets.UTF_8);
            Files.move(parked, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long end = System.currentTimeMillis() + 60_000;
            while (version(c).equals(v1) && System.currentTimeMillis() < end) {
                Thread.sleep(100);
            }
            String v2 = version(c);
            assertFalse(v2.equals(v1), "the library edit never became a version of luoshan");
            assertTrue(graded(c).contains(NEW_NAME));

            assertEquals(200, c.postWithToken("/api/v1/packs/luoshan/versions/" + v1 + "/publish", TOKEN).status());
            assertEquals(v1, version(c));
            String again = graded(c);
            assertTrue(again.contains(OLD_NAME) && !again.contains(NEW_NAME), "v1 grades with the library text it had");
            JsonNode versions = c.get("/api/v1/packs/luoshan/versions").json();
            assertEquals(2, versions.size(), versions.toString());
        }
    }
}
