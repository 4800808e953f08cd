package govgrade.packs.catalog;

import govgrade.packs.PackSource;
import govgrade.packs.tables.PackMeaning;
import govgrade.store.DiskSeen;
import govgrade.store.PackVersions;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a pack's files on disk mean, taken from the store when they are byte for byte the files of
 * the version this instance last took from its disk. Naming a version means reading every
 * workbook's cells ({@link PackMeaning}), the largest part of a restart over unchanged files; the
 * store keeps each version's files and the meaning they were found to have, so equal bytes have
 * that meaning. Files that differ in any byte, or a store that cannot say, are read as before.
 */
final class StoredMeanings {
    private static final Logger LOG = LoggerFactory.getLogger(StoredMeanings.class);

    private final PackVersions store;
    private final DiskSeen seen;

    StoredMeanings(PackVersions store, DiskSeen seen) {
        this.store = store;
        this.seen = seen;
    }

    /** The source {@code files} are, when they are the files last taken from disk; empty otherwise. */
    Optional<PackSource> find(String id, SortedMap<String, byte[]> files) {
        try {
            Optional<String> meaning = seen.meaning(id);
            if (meaning.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> version = store.byMeaning(id, meaning.get());
            Optional<SortedMap<String, byte[]>> stored = version.isEmpty() ? Optional.empty()
                    : store.files(id, version.get());
            if (stored.isEmpty() || !sameBytes(stored.get(), files)) {
                return Optional.empty();
            }
            // The code's own hash only a criteria editor's draft asks for: read from the cells then.
            return Optional.of(new PackSource(id, files, meaning.get(), () -> PackMeaning.of(files).codeVersion()));
        } catch (SQLException e) {
            // The meaning read from the cells instead; the load that follows meets the store's failure itself.
            LOG.debug("pack {}: stored meaning not read: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean sameBytes(SortedMap<String, byte[]> a, SortedMap<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
