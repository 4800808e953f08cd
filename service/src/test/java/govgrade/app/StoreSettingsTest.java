package govgrade.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Where the store is and how often it is read back: mistakes named before anything starts, passwords never shown. */
class StoreSettingsTest {

    @Test
    void withoutAUrlTheStoreIsTheSqliteFile() {
        StoreSettings s = StoreSettings.defaults();
        assertNull(s.url());
        assertEquals("govgrade.db", s.location(Path.of("govgrade.db")));
        assertEquals(Duration.ofSeconds(1), s.poll());
    }

    @Test
    void aPostgresqlUrlIsTheStoreAndItsPasswordIsNeverShown() {
        StoreSettings s = new StoreSettings("postgresql://govgrade:s3cret@db:5432/govgrade", Duration.ofMillis(500));
        assertEquals("postgresql://govgrade:s3cret@db:5432/govgrade", s.location(Path.of("govgrade.db")));
        assertEquals("postgresql://govgrade:***@db:5432/govgrade", s.shown(Path.of("govgrade.db")));
        assertFalse(s.toString().contains("s3cret"), s.toString());
        assertFalse(Settings.defaults(Path.of("."), Path.of("g.db")).withStore(s).toString().contains("s3cret"));
    }

    @Test
    void aUrlOfAnotherDatabaseOrAPollOutOfRangeIsRefusedByName() {
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> new StoreSettings("mysql://db/govgrade", Duration.ofSeconds(1)));
        assertTrue(url.getMessage().startsWith("db: mysql://db/govgrade is not a PostgreSQL URL"), url.getMessage());
        IllegalArgumentException poll = assertThrows(IllegalArgumentException.class,
                () -> new StoreSettings(null, Duration.ofMillis(10)));
        assertTrue(poll.getMessage().contains("--store-poll-ms"), poll.getMessage());
    }
}
