package govgrade.cli;

import govgrade.packs.CompiledPack;
import govgrade.packs.PackRejected;
import govgrade.packs.catalog.PackHome;
import govgrade.packs.tables.PackMeaning;
import govgrade.store.Database;
import govgrade.store.PackVersions;
import govgrade.store.PostgresUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The versions a service's database (a SQLite file or PostgreSQL) holds active, for {@code test --db}: what "changed by this
 * version" is measured against. A database file that does not exist is not created: the test
 * then has no version to compare with, and says so.
 */
final class ActiveVersion implements AutoCloseable {
    private final Database db;
    private final Map<String, String> active;

    private ActiveVersion(Database db, Map<String, String> active) {
        this.db = db;
        this.active = active;
    }

    /** {@code location}: a SQLite file's path or a PostgreSQL URL; null: no database. */
    static Optional<ActiveVersion> open(String location) throws SQLException {
        if (location == null || !PostgresUrl.is(location) && !Files.isRegularFile(Path.of(location))) {
            return Optional.empty();
        }
        Database db = Database.open(location, nanos -> { });
        try {
            return Optional.of(new ActiveVersion(db, new PackVersions(db).active()));
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The pack's active version, compiled through {@code packs}' cache; empty when the pack has none. */
    Optional<CompiledPack> of(String pack, PackHome packs) throws SQLException, PackRejected {
        String version = active.get(pack);
        if (version == null) {
            return Optional.empty();
        }
        Optional<SortedMap<String, byte[]>> files = new PackVersions(db).files(pack, version);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(packs.cache().compile(PackMeaning.source(pack, files.get()).storedAs(version)));
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
