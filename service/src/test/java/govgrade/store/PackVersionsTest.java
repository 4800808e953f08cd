package govgrade.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Pack versions with their files, and which one of each pack is active, in a real SQLite file and a real PostgreSQL database. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
class PackVersionsTest {
    @Parameter
    String store;


    private static SortedMap<String, byte[]> files(String drl) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("rules-drl/meixian/meixian.drl", drl.getBytes(StandardCharsets.UTF_8));
        files.put("decision-tables/meixian/meixian.xlsx", new byte[] {0x50, 0x4b, 3, 4});
        return files;
    }

    @Test
    void aVersionIsStoredOnceWithItsFiles(@TempDir Path dir) throws Exception {
        try (Database db = Stores.open(store, dir)) {
            PackVersions versions = new PackVersions(db);
            assertTrue(versions.store("meixian", "v1", files("rule 1"), "disk", "alice"));
            assertFalse(versions.store("meixian", "v1", files("rule 1"), "disk", "bob"), "already stored");
            SortedMap<String, byte[]> back = versions.files("meixian", "v1").orElseThrow();
            assertEquals(files("").keySet(), back.keySet());
            assertArrayEquals("rule 1".getBytes(StandardCharsets.UTF_8), back.get("rules-drl/meixian/meixian.drl"));
            assertTrue(versions.files("meixian", "v9").isEmpty());
            assertEquals("alice", versions.versions("meixian").get(0).createdBy());
        }
    }

    @Test
    void versionsAreListedNewestFirstWithTheActiveOneMarked(@TempDir Path dir) throws Exception {
        try (Database db = Stores.open(store, dir)) {
            PackVersions versions = new PackVersions(db);
            versions.store("meixian", "v1", files("rule 1"), "disk", "system");
            versions.store("meixian", "v2", files("rule 2"), "draft", "alice");
            versions.activate("meixian", "v1", "carol");
            List<PackVersions.Version> listed = versions.versions("meixian");
            assertEquals(List.of("v2", "v1"), listed.stream().map(PackVersions.Version::version).toList());
            assertFalse(listed.get(0).active());
            assertTrue(listed.get(1).active());
            assertEquals("carol", listed.get(1).publishedBy());
            assertEquals(Map.of("meixian", "v1"), versions.active());

            versions.activate("meixian", "v2", "carol");
            assertEquals(Map.of("meixian", "v2"), versions.active(), "one active version per pack");
        }
    }

    @Test
    void activatingAVersionNeverStoredIsRefusedAndChangesNothing(@TempDir Path dir) throws Exception {
        try (Database db = Stores.open(store, dir)) {
            PackVersions versions = new PackVersions(db);
            versions.store("meixian", "v1", files("rule 1"), "disk", "system");
            versions.activate("meixian", "v1", null);
            SQLException e = assertThrows(SQLException.class, () -> versions.activate("meixian", "v7", null));
            assertTrue(e.getMessage().contains("v7"), e.getMessage());
            assertEquals(Map.of("meixian", "v1"), versions.active());
        }
    }
}
