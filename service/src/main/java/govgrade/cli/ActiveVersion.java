package govgrade.cli;

import govgrade.packs.CompiledPack;
import govgrade.packs.PackRejected;
import govgrade.packs.catalog.PackHome;
import govgrade.packs.tables.PackMeaning;
import govgrade.store.Database;
import govgrade.store.PackVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The versions a service's database holds active, for {@code test --db}: what "changed by this
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

    static Optional<ActiveVersion> open(Path file) throws SQLException {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Database db = Database.open(file);
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
