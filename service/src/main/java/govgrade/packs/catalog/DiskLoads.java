package govgrade.packs.catalog;

import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.PackSource;
import govgrade.packs.build.SilentRows;
import govgrade.packs.tables.PackMeaning;
import govgrade.store.DiskSeen;
import govgrade.store.PackVersions;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking a pack's files from this instance's disk (at start-up, or by hot reload). The latest
 * change wins: files count as changed when what they mean differs from what this instance last
 * took from its disk (kept in the store per instance, so this holds across restarts, and another
 * instance's files are not an edit of these); in {@link ReloadMode#DIRECT} a change activates, in
 * {@link ReloadMode#REVIEW} it is stored to await publish. Files unchanged since they were last
 * taken leave a version published over HTTP active.
 */
final class DiskLoads {
    private static final Logger LOG = LoggerFactory.getLogger(DiskLoads.class);

    private final PackHome home;
    private final PackVersions store;
    private final DiskSeen seen;
    private final ReloadMode reload;
    private final ActiveVersions active;
    private final Verdicts verdicts;
    private final FixtureChoice fixtures;
    private final Map<String, List<PackError>> errors = new ConcurrentHashMap<>();
    private final Map<String, String> onDisk = new ConcurrentHashMap<>();
    /** Guarded by itself, with {@link #startOver}. */
    private final List<PackSource> deferred = new ArrayList<>();
    private boolean startOver;

    DiskLoads(PackHome home, PackVersions store, DiskSeen seen, ReloadMode reload, ActiveVersions active,
              Verdicts verdicts, FixtureChoice fixtures) {
        this.home = home;
        this.store = store;
        this.seen = seen;
        this.reload = reload;
        this.active = active;
        this.verdicts = verdicts;
        this.fixtures = fixtures;
    }

    /** Versions stored under byte hashes get their meaning, so restored files find them. */
    void nameOldVersions() throws SQLException {
        for (var e : store.withoutMeaning().entrySet()) {
            for (String v : e.getValue()) {
                Optional<SortedMap<String, byte[]>> files = store.files(e.getKey(), v);
                if (files.isPresent()) {
                    store.setMeaning(e.getKey(), v, PackMeaning.of(files.get()).version());
                }
            }
        }
    }

    /** The stored version the files on disk are, once they compiled and graded. */
    Optional<String> version(String pack) {
        return Optional.ofNullable(onDisk.get(pack));
    }

    /** Why the newest files on disk are not active; empty when none. */
    List<PackError> errors(String pack) {
        return errors.getOrDefault(pack, List.of());
    }

    /**
     * Takes a pack's files as read from disk. Files that mean what this instance last took change
     * nothing. Otherwise they are compiled and gated: files that do not compile are not stored,
     * files that do not grade are stored as refused, and in both cases the active version keeps
     * serving and the pack's status gives the reasons. Files that pass are stored (or found: a
     * restore) and, in direct mode, made active.
     *
     * @return true when the active version changed
     */
    boolean load(PackSource src) throws IOException, SQLException {
        synchronized (active) {
            return loadLocked(src, false);
        }
    }

    /**
     * As {@link #load}, for a start-up: the rows that change nothing in files unchanged since this
     * instance last took them are logged by {@link #warnDeferred()} instead, once every pack serves.
     * Finding them reads every workbook again, which a request waiting for its pack need not wait for.
     */
    boolean loadAtStart(PackSource src) throws IOException, SQLException {
        synchronized (active) {
            return loadLocked(src, true);
        }
    }

    /** Logs the rows that change nothing of the packs loaded unchanged at start-up; later loads log their own. */
    void warnDeferred() {
        List<PackSource> due;
        synchronized (deferred) {
            startOver = true;
            due = List.copyOf(deferred);
            deferred.clear();
        }
        due.forEach(DiskLoads::warn);
    }

    private boolean loadLocked(PackSource src, boolean atStart) throws IOException, SQLException {
        String id = src.id();
        Optional<String> last = seen.meaning(id);
        Optional<String> stored = store.byMeaning(id, src.version());
        PackVersions.Active current = active.get(id).orElse(null);
        // An instance that never took this pack from its disk counts only never-seen files as an edit.
        boolean changed = last.map(m -> !m.equals(src.version())).orElse(stored.isEmpty() || current == null);
        if (!changed && current != null) {
            errors.remove(id);
            stored.ifPresent(v -> onDisk.put(id, v));
            if (last.isEmpty()) {
                seen.see(id, src.version());
            }
            if (atStart && stored.isPresent() && stored.get().equals(current.version())) {
                warm(src.storedAs(current.version()));
            }
            LOG.info("pack {}: version {} active", id, current.version());
            boolean later;
            synchronized (deferred) {
                later = atStart && !startOver;
                if (later) {
                    deferred.add(src);
                }
            }
            if (!later) {
                warn(src);
            }
            return false;
        }
        PackSource candidate = stored.map(src::storedAs).orElse(src);
        String v = candidate.version();
        PackFixtures tests = fixtures.forDisk(id, Optional.ofNullable(current).map(PackVersions.Active::version));
        List<PackError> refusal;
        try {
            refusal = verdicts.gate(home.cache().compile(candidate), tests);
        } catch (PackRejected e) {
            errors.put(id, e.errors());
            LOG.warn("pack {}: files on disk do not compile ({} errors, first: {}); {} stays active", id,
                    e.errors().size(), e.errors().get(0).describe(), current == null ? "no version" : current.version());
            return false;
        }
        verdicts.record(candidate, stored.isEmpty(), "disk", "disk", src.version(), refusal, tests);
        if (!refusal.isEmpty()) {
            errors.put(id, refusal);
            LOG.warn("pack {}: files on disk (version {}) are refused, they do not grade ({} errors, first: {}); {} "
                    + "stays active", id, v, refusal.size(), refusal.get(0).describe(),
                    current == null ? "no version" : current.version());
            return false;
        }
        errors.remove(id);
        onDisk.put(id, v);
        seen.see(id, src.version());
        warn(src);
        if (current != null && current.version().equals(v)) {
            return false;
        }
        if (reload == ReloadMode.REVIEW && current != null) {
            LOG.info("pack {}: files on disk are version {}, stored to await publish; {} stays active (reload "
                    + "review)", id, v, current.version());
            return false;
        }
        // Restored: put back to a version that was active before, not merely to the files of a draft.
        boolean restored = stored.isPresent()
                && store.version(id, v).map(x -> x.publishedAt() != null).orElse(false);
        active.activate(id, v, "disk", restored ? "restored" : "disk");
        if (restored) {
            LOG.info("pack {}: files on disk are stored version {} again; it is active again (restored)", id, v);
        } else {
            LOG.info("pack {}: version {} active", id, v);
        }
        return true;
    }

    /**
     * The active version compiled (read back from the cache folder, as a rule) while the service
     * starts, so the first request for the pack finds it ready. A failure here is met again, and
     * reported, by whoever asks for the version.
     */
    private void warm(PackSource active) {
        try {
            home.cache().compile(active);
        } catch (PackRejected | RuntimeException e) {
            LOG.debug("pack {}: active version {} not compiled ahead: {}", active.id(), active.version(), e.getMessage());
        }
    }

    /** Rows of the files on disk that change nothing, in the log where whoever edits them on disk looks. */
    private static void warn(PackSource src) {
        SilentRows.of(src).forEach(w -> LOG.warn("pack {}: {}", src.id(), w.describe()));
    }
}
