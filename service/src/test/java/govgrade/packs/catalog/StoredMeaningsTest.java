package govgrade.packs.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.PackCopy;
import govgrade.packs.PackSource;
import govgrade.packs.tables.PackMeaning;
import govgrade.store.Database;
import govgrade.store.DiskSeen;
import govgrade.store.PackVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart over the files last taken from disk names their version from the store; files that
 * differ in any byte are read with POI and taken as any edit is: a real pack copy, a real store.
 */
class StoredMeaningsTest {
    private static final String PACK = "shangqiu";
    private static final String XLSX = "decision-tables/shangqiu/shangqiu.xlsx";

    @TempDir
    Path dir;

    @Test
    void theFilesLastTakenAreKnownByTheirBytesAndAnyOtherBytesAreReadAgain() throws Exception {
        Path home = PackCopy.copy(PACK, dir.resolve("home"));
        try (Database db = Database.open(dir.resolve("g.db"))) {
            String v1 = sync(home, db);
            StoredMeanings meanings = new StoredMeanings(new PackVersions(db), new DiskSeen(db, "local"));

            SortedMap<String, byte[]> same = PackSource.filesOnDisk(home, PACK);
            PackSource known = meanings.find(PACK, same).orElseThrow();
            PackSource read = PackMeaning.source(PACK, same);
            assertEquals(read.version(), known.version());
            assertEquals(v1, known.version());
            assertEquals(read.codeVersion(), known.codeVersion(), "the code's hash, read when asked for");

            // Saved again with the same cells: other bytes, the same meaning, found only by reading the cells.
            PackCopy.editWorkbook(home.resolve(XLSX), wb -> { });
            SortedMap<String, byte[]> resaved = PackSource.filesOnDisk(home, PACK);
            assertTrue(meanings.find(PACK, resaved).isEmpty(), "other bytes are read with POI");
            assertEquals(v1, PackMeaning.source(PACK, resaved).version());

            // Another instance's disk (or none taken yet) is never assumed to hold these files.
            assertTrue(new StoredMeanings(new PackVersions(db), new DiskSeen(db, "other")).find(PACK, same).isEmpty());
        }
    }

    @Test
    void aFileEditedWhileTheServiceWasDownIsReadCompiledAndActivatedAtTheRestart() throws Exception {
        Path home = PackCopy.copy(PACK, dir.resolve("home"));
        try (Database db = Database.open(dir.resolve("g.db"))) {
            String v1 = sync(home, db);
            assertEquals(v1, sync(home, db), "unchanged files: the same version at a restart");

            PackCopy.editWorkbook(home.resolve(XLSX), wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2)
                    .setCellValue(30));
            String v2 = sync(home, db);
            assertNotEquals(v1, v2);
            assertEquals(PackMeaning.source(PACK, PackSource.filesOnDisk(home, PACK)).version(), v2);

            // One byte of the rule file: a new version too (a comment: same rules, other text).
            Path drl = home.resolve("rules-drl/shangqiu/shangqiu.drl");
            Files.writeString(drl, Files.readString(drl) + "\n// edited\n");
            String v3 = sync(home, db);
            assertNotEquals(v2, v3);
            assertEquals(v3, sync(home, db), "and that version at the next restart");
        }
    }

    /** A start of the catalog over {@code db} (a new home object: nothing remembered in memory); the active version. */
    private static String sync(Path home, Database db) throws Exception {
        PackCatalog catalog = new PackCatalog(new PackHome(home, new PackCache()), db);
        catalog.startSync().forEach(Runnable::run);
        return catalog.active(PACK).version();
    }
}
