package govgrade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store itself: the migrations, a write all or nothing, two services over one database. */
class PostgresStoreTest {

    @Test
    void aNewDatabaseGetsEveryTableFromTheCommonAndItsOwnMigrations() throws Exception {
        try (Database db = Database.open(TestPostgres.newDatabase(), nanos -> { })) {
            assertTrue(db.postgres());
            List<String> tables = DatabaseTest.strings(db, "SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' ORDER BY table_name");
            for (String t : List.of("active_packs", "activations", "audit", "batches", "disk_seen", "disk_seen_by_instance",
                    "fixture_files", "job_items", "jobs", "pack_files",
                    "pack_versions", "results", "runs", "whatifs")) {
                assertTrue(tables.contains(t), t + " in " + tables);
            }
            assertEquals(List.of("1", "2.1", "3.7", "3.8", "3.9", "3.10", "3.11"), DatabaseTest.strings(db, "SELECT version FROM "
                    + "flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank"));
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehindAndTheNextWriteWorks() throws Exception {
        try (Database db = Database.open(TestPostgres.newDatabase(), nanos -> { })) {
            assertThrows(SQLException.class, () -> db.write(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO disk_seen (pack, meaning, seen_at) "
                        + "VALUES ('luoshan', 'm1', 'now')")) {
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO no_such_table VALUES (1)")) {
                    s.executeUpdate();
                }
                return null;
            }));
            assertEquals(List.of("0"), DatabaseTest.strings(db, "SELECT count(*) FROM disk_seen"));
            new DiskSeen(db, "one").see("luoshan", "m2");
            assertEquals(List.of("m2"), DatabaseTest.strings(db, "SELECT meaning FROM disk_seen_by_instance"));
        }
    }

    @Test
    void twoServicesOverOneDatabaseSeeEachOthersWritesAndMigrateOnce() throws Exception {
        String url = TestPostgres.newDatabase();
        try (Database one = Database.open(url, nanos -> { }); Database two = Database.open(url, nanos -> { })) {
            new PackVersions(one).store("meixian", "v1", new TreeMap<>(Map.of("rules-drl/meixian/x.drl", new byte[] {1})),
                    "disk", "one");
            new PackVersions(one).activate("meixian", "v1", "alice");
            assertEquals(Map.of("meixian", "v1"), new PackVersions(two).active());
            assertEquals(List.of("7"), DatabaseTest.strings(two, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"));
        }
    }

    @Test
    void aLibpqUrlWithUserAndPasswordIsReadAndThePasswordNeverShown() {
        assertTrue(PostgresUrl.is("postgresql://govgrade:secret@db.example:5432/govgrade"));
        assertTrue(PostgresUrl.is("jdbc:postgresql://db.example/govgrade"));
        assertTrue(!PostgresUrl.is("govgrade.db") && !PostgresUrl.is("/var/lib/govgrade/postgresql.db"));
        assertEquals("postgresql://govgrade:***@db.example:5432/govgrade",
                PostgresUrl.withoutPassword("postgresql://govgrade:secret@db.example:5432/govgrade"));
        assertEquals("jdbc:postgresql://db.example/g?user=u&password=***",
                PostgresUrl.withoutPassword("jdbc:postgresql://db.example/g?user=u&password=s3"));
    }

    @Test
    void connectionsTheServerCutAreReplacedAndTheWorkDoneOnce() throws Exception {
        String url = TestPostgres.newDatabase();
        try (Database db = Database.open(url, nanos -> { })) {
            DiskSeen versions = new DiskSeen(db, "one");
            versions.see("luoshan", "m1");
            assertEquals(Optional.of("m1"), versions.meaning("luoshan"));
            // What a server restart does to every connection open on it.
            try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
                s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                        + "current_database() AND pid <> pg_backend_pid()").close();
            }
            versions.see("luoshan", "m2");
            assertEquals(Optional.of("m2"), versions.meaning("luoshan"));
            assertEquals(List.of("1"), DatabaseTest.strings(db, "SELECT count(*) FROM disk_seen_by_instance"));
        }
    }
}
