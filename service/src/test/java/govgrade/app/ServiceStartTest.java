package govgrade.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.CompiledPack;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way a service is assembled: from Settings, over a pack cache it may share. */
class ServiceStartTest {
    @TempDir
    Path dir;

    private Settings settings(String db) {
        return Settings.defaults(Fixtures.HOME, dir.resolve(db)).listening("127.0.0.1", 0).withWatch(false);
    }

    @Test
    void servicesSharingACacheCompileEachPackVersionOnce() throws Exception {
        CompiledPack first;
        try (Service a = Service.start(settings("a.db"), Fixtures.PACKS_CACHE)) {
            a.awaitSynced();
            first = a.catalog().active("meixian");
        }
        try (Service b = Service.start(settings("b.db"), Fixtures.PACKS_CACHE)) {
            b.awaitSynced();
            assertSame(first, b.catalog().active("meixian"), "a second service compiled the pack again");
        }
    }

    @Test
    void listensOnTheFreePortItWasGivenAndClosesOnce() throws Exception {
        Service s = Service.start(settings("g.db"), Fixtures.PACKS_CACHE);
        assertTrue(s.port() > 0);
        s.awaitSynced();
        assertEquals(Fixtures.PACKS, Fixtures.PACKS.stream().filter(p -> s.catalog().activeVersion(p).isPresent())
                .toList());
        s.close();
        s.close(); // serve closes on a failed sync and again in its shutdown hook
    }
}
