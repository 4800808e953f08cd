package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import govgrade.packs.catalog.PackCatalog;
import govgrade.packs.catalog.PackHome;
import govgrade.packs.catalog.ReloadMode;
import govgrade.published.FixtureGate;
import govgrade.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code test} and {@code validate} on packs made by hand: new, misnamed, without fixtures, edited since activation. */
@Tag("slow") // each test compiles a pack of its own (about 5 s each)
class PackCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** shangqiu copied to {@code home} with its fixtures, under another id when {@code as} differs. */
    private static Path copy(Path home, String as) throws Exception {
        PackCopy.copy("shangqiu", home);
        Path fixtures = Files.createDirectories(home.resolve("fixtures").resolve(as));
        try (Stream<Path> s = Files.list(Path.of("fixtures", "shangqiu"))) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.writeString(fixtures.resolve(f.getFileName().toString().replace("shangqiu", as)),
                        Files.readString(f).replace("\"shangqiu\"", "\"" + as + "\""));
            }
        }
        if (!as.equals("shangqiu")) {
            for (String dir : new String[] {"rules-drl", "decision-tables"}) {
                Files.move(home.resolve(dir).resolve("shangqiu"), home.resolve(dir).resolve(as));
            }
        }
        return home;
    }

    private static void setStaleDays(Path home, String pack, int days) throws Exception {
        try (Stream<Path> s = Files.list(home.resolve("decision-tables").resolve(pack))) {
            Path xlsx = s.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
            PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(days));
        }
    }

    /** What a running service would hold active for the files on disk now, in a database of its own. */
    private static void activateDiskVersions(Path home, Path db) throws Exception {
        try (Database d = Database.open(db)) {
            PackCatalog catalog = new PackCatalog(new PackHome(home, Fixtures.PACKS_CACHE), d,
                    new FixtureGate(home.resolve("fixtures")), ReloadMode.DIRECT, "test");
            catalog.startSync().forEach(Runnable::run);
            catalog.awaitSynced();
        }
    }

    @Test
    void aNewPackThatNeverMatchedItsCircularDiffersFromItButChangedNothing(@TempDir Path dir) throws Exception {
        Path home = copy(dir, "wuding");
        setStaleDays(home, "wuding", 30);
        Path db = dir.resolve("g.db");
        activateDiskVersions(home, db);
        assertEquals(1, run("test", "wuding", "--home", home.toString(), "--db", db.toString()));
        String text = out.toString();
        assertTrue(text.contains("DIFFER from the published figures"), text);
        assertTrue(text.contains("differs: shangqiu-a1 梁园市场监管 [new-media] grade: published FAIL, this version PASS"),
                text);
        assertFalse(text.contains("CHANGED") || text.contains("changed:"), "the active version is the one tested: " + text);
    }

    @Test
    void filesEditedSinceTheActiveVersionSayWhatTheyChangedApartFromWhatDiffersFromTheCircular(@TempDir Path dir)
            throws Exception {
        Path home = copy(dir, "shangqiu");
        Path db = dir.resolve("g.db");
        activateDiskVersions(home, db);
        setStaleDays(home, "shangqiu", 30);
        assertEquals(1, run("test", "shangqiu", "--home", home.toString(), "--db", db.toString()));
        String text = out.toString();
        assertTrue(text.matches("(?s).*against version [0-9a-f]{16}: \\d+ CHANGED by this version.*"), text);
        assertTrue(text.matches("(?s).*changed: shangqiu-a1 梁园市场监管 \\[new-media] grade: version [0-9a-f]{16} FAIL, "
                + "this version PASS \\(published FAIL\\).*"), text);
        assertTrue(text.contains("differs: shangqiu-a1"), text);
    }

    @Test
    void theActiveVersionTestedAgainstItselfChangesNothingAndExitsZero(@TempDir Path dir) throws Exception {
        Path home = copy(dir, "shangqiu");
        Path db = dir.resolve("g.db");
        activateDiskVersions(home, db);
        assertEquals(0, run("test", "shangqiu", "--home", home.toString(), "--db", db.toString()), out.toString());
        assertTrue(out.toString().contains("none differs from the published figures"), out.toString());
    }

    @Test
    void testOfAPackWithoutFixturesSaysItTestedNothingAndExitsOne(@TempDir Path home) throws Exception {
        PackCopy.copy("shangqiu", home);
        assertEquals(TestCommand.NOTHING_TESTED, run("test", "shangqiu", "--home", home.toString()));
        assertTrue(out.toString().contains("no fixtures for pack shangqiu") && out.toString().contains("nothing tested"),
                out.toString());
        assertTrue(run("test", "--help") == 0 && out.toString().replaceAll("\\s+", " ").contains("also when nothing "
                + "was tested"), out.toString());
    }

    @Test
    void validateRefusesAFolderNamedOtherThanAPackIdNamingTheFolderAndTheRule(@TempDir Path dir) throws Exception {
        Path home = copy(dir, "Wuding2");
        assertEquals(1, run("validate", "--home", home.toString()));
        String text = out.toString();
        assertTrue(text.contains("not a pack: rules-drl/Wuding2: the folder's name is not a pack id"), text);
        assertTrue(text.contains("not a pack: decision-tables/Wuding2"), text);
        assertTrue(text.contains("[a-z0-9][a-z0-9_-]{0,39}") && text.contains("e.g. to wuding2"), text);
        out.getBuffer().setLength(0);
        assertEquals(1, run("validate", "Wuding2", "--home", home.toString()));
        assertTrue(out.toString().contains("Wuding2    is not a pack id"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, run("test", "--home", home.toString()));
        assertTrue(out.toString().contains("not a pack: rules-drl/Wuding2"), out.toString());
    }

    @Test
    void aFolderWhoseTwoHalvesDisagreeInCaseIsRefusedAndTheLowerCaseHalfIsNoWholePack(@TempDir Path dir)
            throws Exception {
        Path home = copy(dir, "wuding");
        Files.move(home.resolve("rules-drl/wuding"), home.resolve("rules-drl/Wuding"));
        assertEquals(1, run("validate", "--home", home.toString()));
        assertTrue(out.toString().contains("not a pack: rules-drl/Wuding"), out.toString());
        assertFalse(out.toString().contains("wuding     version"), "tables without their rules are no pack: " + out);
    }
}
