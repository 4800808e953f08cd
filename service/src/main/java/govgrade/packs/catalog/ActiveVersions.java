package govgrade.packs.catalog;

import govgrade.store.PackVersions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which version of each pack this instance serves: what it activated itself, and what other
 * instances over the same store activated ({@link #follow}). Whoever changes the active versions
 * holds this object's lock, so a publish here and a follow of the store cannot undo each other.
 */
final class ActiveVersions {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveVersions.class);

    private final PackVersions store;
    private final Map<String, PackVersions.Active> active = new ConcurrentHashMap<>();

    ActiveVersions(PackVersions store) {
        this.store = store;
    }

    synchronized void readStore() throws SQLException {
        active.putAll(store.activeSince());
    }

    Optional<PackVersions.Active> get(String pack) {
        return Optional.ofNullable(active.get(pack));
    }

    boolean has(String pack) {
        return active.containsKey(pack);
    }

    Set<String> packs() {
        return active.keySet();
    }

    /** Activates a stored version in the store and here; {@code how}: disk, restored, published or reverted. */
    synchronized void activate(String pack, String version, String by, String how) throws SQLException {
        store.activate(pack, version, by, how);
        active.put(pack, store.activeSince().get(pack));
    }

    /** Takes the versions the store holds active where they differ from these; the packs that changed. */
    synchronized List<String> follow() throws SQLException {
        List<String> changed = new ArrayList<>();
        // Read under the lock: a publish here between the read and the update would otherwise be undone.
        for (var e : store.activeSince().entrySet()) {
            PackVersions.Active mine = active.put(e.getKey(), e.getValue());
            if (mine == null || !mine.version().equals(e.getValue().version())) {
                changed.add(e.getKey());
                LOG.info("pack {}: version {} active (made active by another instance)", e.getKey(),
                        e.getValue().version());
            }
        }
        return changed;
    }
}
