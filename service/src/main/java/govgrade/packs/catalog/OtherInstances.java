package govgrade.packs.catalog;

import govgrade.packs.PackRejected;
import govgrade.packs.PackUnavailable;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.store.NewVersions;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Other instances over the same store: the versions they activate become this one's, and the
 * versions they store (drafts, files from their disks) are compiled here as soon as they are
 * stored, so an activation anywhere only switches here. Whoever runs the instance calls
 * {@link #follow} and {@link #newVersions} when the store may have changed (a notification, a
 * poll) and the {@code warm} methods on a worker.
 */
public final class OtherInstances {
    private static final Logger LOG = LoggerFactory.getLogger(OtherInstances.class);

    private final PackCatalog catalog;
    private final ActiveVersions active;
    private final NewVersions stored;
    private final AtomicLong seenUpTo = new AtomicLong(-1);

    OtherInstances(PackCatalog catalog, ActiveVersions active, NewVersions stored) {
        this.catalog = catalog;
        this.active = active;
        this.stored = stored;
    }

    /** From now on: the versions stored before this instance started are compiled when asked for. */
    void startFollowing() throws SQLException {
        seenUpTo.compareAndSet(-1, stored.lastStored());
    }

    /**
     * Takes the versions the store holds active where they differ from this instance's: another
     * instance over the same store published, reverted or reloaded. The versions are trusted (that
     * instance gated them); {@link #warm} compiles one before a grading needs it.
     *
     * @return the packs whose active version changed
     */
    public List<String> follow() throws SQLException {
        return active.follow();
    }

    /**
     * The versions any instance stored (a draft, files from a disk) since this one last looked,
     * pack to version, for {@link #warm(String, String)}: compiled ahead, activating one anywhere
     * only switches to it here. The first look (at start-up) takes none of the versions before.
     */
    public List<Map.Entry<String, String>> newVersions() throws SQLException {
        long from = seenUpTo.get() < 0 ? stored.lastStored() : seenUpTo.get();
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (NewVersions.Stored v : stored.storedAfter(from)) {
            out.add(Map.entry(v.pack(), v.version()));
            from = Math.max(from, v.seq());
        }
        seenUpTo.set(from);
        return out;
    }

    /** Compiles a pack's active version now (a version another instance made active), so no grading waits for it. */
    public void warm(String pack) {
        try {
            catalog.active(pack);
        } catch (UnknownPack | PackUnavailable | IOException | SQLException | RuntimeException e) {
            LOG.warn("pack {}: the version another instance made active does not compile here: {}", pack, e.toString());
        }
    }

    /** Compiles a stored version into the cache ahead of its activation (a draft made on another instance). */
    public void warm(String pack, String version) {
        try {
            if (catalog.home().cache().cached(version).isPresent()) {
                return; // stored here, or compiled already
            }
            long t0 = System.nanoTime();
            catalog.version(pack, version);
            LOG.info("pack {}: version {}, stored by another instance, compiled ahead of its activation in {} ms", pack,
                    version, (System.nanoTime() - t0) / 1_000_000);
        } catch (UnknownPack | UnknownVersion | PackRejected | IOException | SQLException | RuntimeException e) {
            LOG.warn("pack {}: version {}, stored by another instance, does not compile here: {}", pack, version,
                    e.toString());
        }
    }
}
