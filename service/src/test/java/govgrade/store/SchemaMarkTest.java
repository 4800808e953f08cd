package govgrade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A restart skips Flyway only over the history and scripts a migrate left: anything else is Flyway's to
 * decide, and decided as it would be without the mark.
 */
class SchemaMarkTest {
    private static final List<String> SQLITE = List.of("db/migration/common", "db/migration/sqlite");

    @TempDir
    Path dir;

    @Test
    void aRestartOverTheHistoryAMigrateLeftFindsItsMark() throws Exception {
        Path db = dir.resolve("g.db");
        Path mark = dir.resolve("cache/schema-history.sha256");
        open(db, mark).close();
        assertTrue(Files.isRegularFile(mark), "the first open leaves its mark");
        assertTrue(new SchemaMark(mark, SQLITE).holds(source(db)));
        open(db, mark).close();
        assertTrue(new SchemaMark(mark, SQLITE).holds(source(db)), "a skipped migrate changes nothing");
        assertFalse(new SchemaMark(mark, List.of("db/migration/common", "db/migration/postgresql")).holds(source(db)),
                "another database's scripts are not this one's");
        assertFalse(new SchemaMark(dir.resolve("none"), SQLITE).holds(source(db)), "no mark, no skip");
    }

    @Test
    void anEditedChecksumInTheHistoryFailsValidationAsFlywayAloneDoes() throws Exception {
        Path db = dir.resolve("g.db");
        Path mark = dir.resolve("schema-history.sha256");
        open(db, mark).close();
        sql(db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3.8'");
        assertFalse(new SchemaMark(mark, SQLITE).holds(source(db)));
        Path alone = copy(db, "alone.db");
        FlywayValidateException withMark = assertThrows(FlywayValidateException.class, () -> open(db, mark));
        FlywayValidateException without = assertThrows(FlywayValidateException.class, () -> open(alone, null));
        assertEquals(without.getMessage().replace("alone.db", "g.db"), withMark.getMessage());
    }

    @Test
    void aMigrationThisBuildLacksOrOneItHasThatTheHistoryLacksIsFlywaysToDecide() throws Exception {
        Path db = dir.resolve("g.db");
        Path mark = dir.resolve("schema-history.sha256");
        open(db, mark).close();
        Path future = copy(db, "future.db");
        sql(future, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (100, '99', 'later build', 'SQL', 'V99__later_build.sql', "
                + "1, 'x', 1, 1)");
        assertFalse(new SchemaMark(mark, SQLITE).holds(source(future)));
        assertSameOutcome(future, mark);

        // A build with a migration the store has not run: the history without its last row.
        Path behind = copy(db, "behind.db");
        sql(behind, "DELETE FROM flyway_schema_history WHERE version = '3.11'");
        assertFalse(new SchemaMark(mark, SQLITE).holds(source(behind)));
        assertSameOutcome(behind, mark);
    }

    @Test
    void aScriptAddedOrEditedInTheBuildIsNotTheMarkedSchema(@TempDir Path classes) throws Exception {
        for (String location : SQLITE) {
            Path to = Files.createDirectories(classes.resolve(location));
            for (String name : List.of("V2_1__pack_meaning_refusals_disk.sql", "V1__runs_batches_pack_versions.sql")) {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(location + "/" + name)) {
                    if (in != null) {
                        Files.copy(in, to.resolve(name));
                    }
                }
            }
        }
        Path db = dir.resolve("g.db");
        open(db, null).close();
        Path mark = dir.resolve("schema-history.sha256");
        // The build's scripts and a folder of more beside them, as a class path of two entries.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            SchemaMark marked = new SchemaMark(mark, SQLITE, loader);
            marked.record(source(db));
            assertTrue(marked.holds(source(db)));
            Path added = classes.resolve("db/migration/sqlite/V4__later.sql");
            Files.writeString(added, "CREATE TABLE later (x INTEGER);\n");
            assertFalse(marked.holds(source(db)), "a new script");
            Files.delete(added);
            assertTrue(marked.holds(source(db)));
            Path edited = classes.resolve("db/migration/common/V2_1__pack_meaning_refusals_disk.sql");
            Files.writeString(edited, Files.readString(edited) + "-- a comment\n");
            assertFalse(marked.holds(source(db)), "an edited script");
        }
    }

    @Test
    void theScriptsInAJarAreMarkedAsInAFolder(@TempDir Path jars) throws Exception {
        Path db = dir.resolve("g.db");
        open(db, null).close();
        Path mark = dir.resolve("schema-history.sha256");
        String edited = "db/migration/common/V3_7__run_periods.sql";
        Path one = jar(jars.resolve("one.jar"), null);
        Path other = jar(jars.resolve("other.jar"), edited);
        try (URLClassLoader a = new URLClassLoader(new URL[] {one.toUri().toURL()}, getClass().getClassLoader());
             URLClassLoader b = new URLClassLoader(new URL[] {other.toUri().toURL()}, getClass().getClassLoader())) {
            SchemaMark fromOne = new SchemaMark(mark, SQLITE, a);
            SchemaMark fromOther = new SchemaMark(mark, SQLITE, b);
            assertTrue(fromOne.fingerprint(source(db)).isPresent());
            fromOne.record(source(db));
            assertTrue(fromOne.holds(source(db)));
            assertFalse(fromOther.holds(source(db)), "a jar whose one script differs is not the marked schema");
        }
    }

    /** A jar as Maven packs one, folder entries and all, holding this build's scripts; {@code edited} gets a line more. */
    private Path jar(Path to, String edited) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        // As the service's jar: a multi-release jar names a folder found by its name without the slash with it.
        manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(to), manifest)) {
            for (String folder : List.of("db/", "db/migration/", "db/migration/common/", "db/migration/sqlite/")) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (String location : SQLITE) {
                Path from = Path.of(getClass().getClassLoader().getResource(location).toURI());
                try (Stream<Path> files = Files.list(from)) {
                    for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                        String name = location + "/" + f.getFileName();
                        out.putNextEntry(new JarEntry(name));
                        out.write(Files.readAllBytes(f));
                        if (name.equals(edited)) {
                            out.write("-- edited\n".getBytes(StandardCharsets.UTF_8));
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        return to;
    }

    @Test
    void aNewDatabaseHasNoHistoryToMark() throws Exception {
        Path db = dir.resolve("new.db");
        assertEquals(Optional.empty(), new SchemaMark(dir.resolve("m"), SQLITE).fingerprint(source(db)));
    }

    @Test
    void aLocationThatListsNoScriptsIsNeverMarked() throws Exception {
        Path db = dir.resolve("g.db");
        open(db, null).close();
        SchemaMark nowhere = new SchemaMark(dir.resolve("m"), List.of("db/migration/common", "db/migration/nowhere"));
        assertEquals(Optional.empty(), nowhere.fingerprint(source(db)));
        nowhere.record(source(db));
        assertFalse(nowhere.holds(source(db)));
    }

    /** The open with the mark ends as Flyway alone ends on a copy: the same failure, or the same history. */
    private void assertSameOutcome(Path db, Path mark) throws Exception {
        Path alone = copy(db, "alone-" + db.getFileName());
        String withMark = outcome(db, mark);
        String without = outcome(alone, null);
        assertEquals(without.replace(alone.getFileName().toString(), db.getFileName().toString()), withMark);
    }

    private static String outcome(Path db, Path mark) {
        try (Database d = open(db, mark)) {
            return String.join(",", DatabaseTest.strings(d, "SELECT version || ':' || success FROM flyway_schema_history "
                    + "ORDER BY installed_rank"));
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static Database open(Path db, Path mark) throws SQLException {
        return Database.open(db.toString(), nanos -> { }, mark);
    }

    private Path copy(Path db, String name) throws Exception {
        return Files.copy(db, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static SQLiteDataSource source(Path db) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db.toAbsolutePath());
        return ds;
    }

    private static void sql(Path db, String sql) throws SQLException {
        try (Connection c = source(db).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
