package govgrade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The SQLite file itself: its schema comes from the migrations, and a write is all or nothing. */
class DatabaseTest {

    /** The first column of every row {@code sql} reads, as text (PostgresStoreTest reads its schema so too). */
    static List<String> strings(Database db, String sql) throws SQLException {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    @Test
    void openingANewFileRunsTheMigrationsAndCreatesEveryTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/folder/govgrade.db");
        try (Database db = Database.open(file)) {
            assertTrue(Files.isRegularFile(file), "the folder is created with the file");
            List<String> tables = strings(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
            for (String t : List.of("active_packs", "activations", "audit", "batches", "fixture_files", "job_items", "jobs", "pack_files",
                    "pack_versions", "results", "runs", "whatifs")) {
                assertTrue(tables.contains(t), t + " in " + tables);
            }
            assertEquals(List.of("1", "2.1", "3.7", "3.8", "3.9", "3.10", "3.11"), strings(db, "SELECT version FROM flyway_schema_history "
                    + "WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank"));
            assertEquals(List.of("wal"), strings(db, "PRAGMA journal_mode"));
        }
    }

    @Test
    void reopeningAFileMigratesNothingTwiceAndKeepsItsRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("govgrade.db");
        try (Database db = Database.open(file)) {
            new PackVersions(db).store("meixian", "v1", new TreeMap<>(Map.of("rules-drl/meixian/x.drl", new byte[] {1})),
                    "disk", "test");
        }
        try (Database db = Database.open(file)) {
            assertEquals(List.of("1"), strings(db, "SELECT count(*) FROM flyway_schema_history WHERE version = '1'"));
            assertTrue(new PackVersions(db).files("meixian", "v1").isPresent());
        }
        assertFalse(Files.exists(dir.resolve("govgrade.db-wal")) && Files.size(dir.resolve("govgrade.db-wal")) > 0,
                "closing folds the write-ahead log back into the file");
    }

    @Test
    void aFailedWriteLeavesNothingBehind(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("govgrade.db"))) {
            assertThrows(SQLException.class, () -> db.write(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO active_packs (pack, version, since) "
                        + "VALUES ('luoshan', 'v1', 'now')")) {
                    s.executeUpdate();
                }
                throw new SQLException("fails half way");
            }));
            assertEquals(List.of("0"), strings(db, "SELECT count(*) FROM active_packs"));
        }
    }

    @Test
    void aFileMigratedWhenTheMigrationsSatInOneFolderOpensUnchanged(@TempDir Path dir) throws Exception {
        // Before PostgreSQL the five scripts sat together in db/migration; files made then record their checksums.
        Path flat = Files.createDirectories(dir.resolve("flat"));
        for (String script : List.of("common/V2_1__pack_meaning_refusals_disk.sql", "common/V3_7__run_periods.sql",
                "common/V3_8__runs_listing.sql", "sqlite/V1__runs_batches_pack_versions.sql",
                "sqlite/V3_9__audit_activations.sql")) {
            try (var in = DatabaseTest.class.getResourceAsStream("/db/migration/" + script)) {
                Files.write(flat.resolve(script.substring(script.indexOf('/') + 1)), in.readAllBytes());
            }
        }
        Path file = dir.resolve("old.db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(ds).locations("filesystem:" + flat).load().migrate();
        try (Database db = Database.open(file)) {
            // Only what is newer than the five (3.10 on) is migrated when it opens.
            assertEquals(List.of("1", "2.1", "3.7", "3.8", "3.9", "3.10", "3.11"), strings(db, "SELECT version FROM "
                    + "flyway_schema_history WHERE success = 1 ORDER BY installed_rank"),
                    "nothing migrated again, no checksum refused");
        }
    }
}
