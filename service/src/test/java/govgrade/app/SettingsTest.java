package govgrade.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.http.ServerLimits;
import govgrade.packs.Budgets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path home;

    private Settings defaults() {
        return Settings.defaults(home, home.resolve("govgrade.db"));
    }

    @Test
    void defaultsAreWhatServeDocuments() {
        Settings s = defaults();
        assertEquals("127.0.0.1", s.host());
        assertEquals(7070, s.port());
        assertEquals(32L * 1024 * 1024, s.maxBodyBytes());
        assertNull(s.adminToken());
        assertFalse(s.packChanges());
        assertTrue(s.watch());
        assertEquals(Duration.ofMillis(300), s.quiet());
        assertEquals(home.resolve("fixtures"), s.fixtures());
    }

    @Test
    void compilesOnEveryCoreByDefault() {
        assertEquals(Runtime.getRuntime().availableProcessors(), defaults().compileThreads());
    }

    @Test
    void aBlankTokenSwitchesPackChangesOff() {
        assertNull(defaults().withAdminToken("  ").adminToken());
        assertTrue(defaults().withAdminToken("secret").packChanges());
    }

    @Test
    void neverPrintsTheToken() {
        String printed = defaults().withAdminToken("secret-token").toString();
        assertFalse(printed.contains("secret-token"), printed);
        assertTrue(printed.contains("adminToken=set"), printed);
    }

    @Test
    void withersChangeOneSettingAndKeepTheRest() {
        Settings s = defaults().listening("127.0.0.1", 0).withMaxBodyBytes(4096).withWatch(false).withCompileThreads(3);
        assertEquals("127.0.0.1", s.host());
        assertEquals(0, s.port());
        assertEquals(4096, s.maxBodyBytes());
        assertFalse(s.watch());
        assertEquals(3, s.compileThreads());
        assertEquals(home, s.home());
    }

    @Nested
    class Refuses {
        private String refusal(Runnable build) {
            return assertThrows(IllegalArgumentException.class, build::run).getMessage();
        }

        @Test
        void aPortOutsideTheRange() {
            assertEquals("port 65536 is not 0-65535", refusal(() -> defaults().listening("0.0.0.0", 65536)));
            assertEquals("port -1 is not 0-65535", refusal(() -> defaults().listening("0.0.0.0", -1)));
        }

        @Test
        void aBodyLimitTooSmallForAnyBatch() {
            assertTrue(refusal(() -> defaults().withMaxBodyBytes(0)).startsWith("a body limit of 0 bytes is too small"));
        }

        @Test
        void noCompileThread() {
            assertTrue(refusal(() -> defaults().withCompileThreads(0)).contains("must be at least 1"));
        }

        @Test
        void aHomeThatIsNoFolder() {
            Path missing = home.resolve("no-such-folder");
            String m = refusal(() -> Settings.defaults(missing, home.resolve("g.db")));
            assertTrue(m.startsWith("home: ") && m.contains("no-such-folder") && m.contains("is not a folder"), m);
        }

        @Test
        void aDatabaseThatIsAFolder() {
            assertTrue(refusal(() -> Settings.defaults(home, home)).contains("is a folder"));
        }

        @Test
        void aNegativeQuietTime() {
            assertTrue(refusal(() -> new Settings(home, home.resolve("g.db"), "0.0.0.0", 7070, 4096, null, true,
                    Duration.ofMillis(-1), 1, govgrade.facts.BatchLimits.DEFAULTS, Access.defaults(), Budgets.DEFAULTS,
                    ServerLimits.defaults(), Operations.defaults(), StoreSettings.defaults(), StartupCaches.defaults(),
                    JobSettings.defaults()))
                    .startsWith("quiet time"));
        }

        @Test
        void noHost() {
            assertTrue(refusal(() -> defaults().listening(" ", 7070)).startsWith("host"));
        }
    }
}
