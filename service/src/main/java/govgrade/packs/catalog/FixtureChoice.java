package govgrade.packs.catalog;

import govgrade.store.FixtureFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Which fixtures a candidate version is gated with. Files from disk take the fixtures on the same
 * disk (a release brings both); a draft keeps those of the version it is based on, a publish
 * those of the version itself, as the store keeps them. Where the store keeps none (a version
 * stored before fixtures were kept) the disk's are taken, and where a disk has none, the active
 * version's: an instance with an empty home gates as one with the whole home folder does.
 */
final class FixtureChoice {
    static final String DIR = "fixtures";

    private final Path home;
    private final FixtureFiles store;

    FixtureChoice(Path home, FixtureFiles store) {
        this.home = home;
        this.store = store;
    }

    /** For files read from disk: the disk's fixtures, else those of {@code active}. */
    PackFixtures forDisk(String pack, Optional<String> active) throws IOException, SQLException {
        PackFixtures disk = disk(pack);
        if (!disk.isEmpty() || active.isEmpty()) {
            return disk;
        }
        return stored(pack, active.get()).orElse(PackFixtures.NONE);
    }

    /** For a stored version or a draft on it: the first of {@code versions} keeping a set, else the disk's. */
    PackFixtures forVersion(String pack, String... versions) throws IOException, SQLException {
        for (String v : versions) {
            Optional<PackFixtures> kept = stored(pack, v);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return disk(pack);
    }

    /** Keeps {@code fixtures} as the version's, unless it keeps that set already; nothing for none. */
    void keep(String pack, String version, PackFixtures fixtures) throws SQLException {
        if (fixtures.isEmpty() || store.of(pack, version).map(fixtures.hash()::equals).orElse(false)) {
            return;
        }
        store.attach(pack, version, fixtures.hash(), fixtures.files());
    }

    private PackFixtures disk(String pack) throws IOException {
        return PackFixtures.read(home.resolve(DIR).resolve(pack));
    }

    private Optional<PackFixtures> stored(String pack, String version) throws SQLException {
        Optional<String> hash = store.of(pack, version);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        var files = store.files(hash.get());
        // A hash without files would be a set lost in a restore: the disk's are better than none.
        return files.isEmpty() ? Optional.empty() : Optional.of(new PackFixtures(hash.get(), files));
    }
}
