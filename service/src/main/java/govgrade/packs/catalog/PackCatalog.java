package govgrade.packs.catalog;

import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.PackSource;
import govgrade.packs.PackUnavailable;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.store.PackVersions;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which version of each pack is active, and every version ever seen, kept in the store. Files on
 * disk become a new version (and the active one) when their hash is new; drafts are compiled
 * from uploaded files over the active version and become active only when published. A version
 * that does not compile is never stored, so a broken pack never replaces a working one.
 */
public final class PackCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(PackCatalog.class);

    private final PackHome home;
    private final PackVersions store;
    private final Map<String, String> active = new ConcurrentHashMap<>();
    private final Map<String, List<PackError>> diskErrors = new ConcurrentHashMap<>();
    /** Each pack's sync from disk; a pack is answered for only once its task has run. */
    private final Map<String, FutureTask<Void>> syncs = new ConcurrentHashMap<>();

    public PackCatalog(PackHome home, PackVersions store) {
        this.home = home;
        this.store = store;
    }

    /** A draft's outcome: its version, and whether the same files were stored already. */
    public record Draft(String pack, String version, boolean existed, List<String> files) {
    }

    /**
     * Compiles each pack folder on disk, one task per pack, not yet run: a hash not seen before
     * is stored and becomes active; a folder that does not compile keeps the last active version
     * and records its errors. The caller runs the tasks on worker threads, so a service can
     * listen while its packs compile. Until a pack's task has
     * run, every call about that pack runs it first (or waits for the worker running it), so
     * answers are the same as after a blocking sync, only sooner for the packs asked for first.
     */
    public synchronized List<Runnable> startSync() throws IOException, SQLException {
        active.putAll(store.active());
        List<Runnable> tasks = new ArrayList<>();
        for (String id : home.ids()) {
            FutureTask<Void> task = new FutureTask<>(() -> {
                syncPack(id);
                return null;
            });
            syncs.put(id, task);
            tasks.add(task);
        }
        return tasks;
    }

    /** Waits until every pack's sync has run; rethrows the first failure. */
    public void awaitSynced() throws IOException, SQLException {
        for (String id : List.copyOf(syncs.keySet())) {
            awaitSync(id);
        }
    }

    private void syncPack(String id) throws IOException, SQLException {
        load(home.read(id));
    }

    /**
     * Takes a pack's files as read from disk (at start-up, or by hot reload): a version not stored
     * before is stored and made active in one step (requests already grading keep the version
     * they started with); files that do not compile leave the active version serving and record
     * their errors.
     *
     * @return true when the active version changed
     */
    public synchronized boolean load(PackSource src) throws SQLException {
        String id = src.id();
        try {
            home.cache().compile(src);
            diskErrors.remove(id);
        } catch (PackRejected e) {
            diskErrors.put(id, e.errors());
            LOG.warn("pack {}: files on disk do not compile ({} errors, first: {}); {} stays active", id,
                    e.errors().size(), e.errors().get(0).describe(), active.getOrDefault(id, "no version"));
            return false;
        }
        boolean isNew = store.store(id, src.version(), src.files(), "disk", "disk");
        boolean changed = false;
        if (isNew || !active.containsKey(id)) {
            store.activate(id, src.version(), "disk");
            changed = !src.version().equals(active.put(id, src.version()));
        }
        LOG.info("pack {}: version {} active", id, active.get(id));
        return changed;
    }

    public PackHome home() {
        return home;
    }

    /** Runs the pack's sync here if no worker has started it, else waits for it; a no-op once done. */
    private void awaitSync(String pack) throws IOException, SQLException {
        FutureTask<Void> task = syncs.get(pack);
        if (task == null) {
            return;
        }
        task.run();
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pack " + pack + " was synced", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            } else if (c instanceof SQLException sql) {
                throw sql;
            } else if (c instanceof RuntimeException r) {
                throw r;
            } else if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** For lookups that cannot throw checked exceptions: a failed sync is a failure of the service. */
    private void awaitSyncUnchecked(String pack) {
        try {
            awaitSync(pack);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("pack " + pack + " could not be synced from disk: " + e.getMessage(), e);
        }
    }

    /** Pack ids on disk or in the store, sorted. */
    public List<String> ids() throws IOException {
        TreeSet<String> ids = new TreeSet<>(home.ids());
        ids.addAll(active.keySet());
        return List.copyOf(ids);
    }

    public Optional<String> activeVersion(String pack) {
        awaitSyncUnchecked(pack);
        return Optional.ofNullable(active.get(pack));
    }

    /** Errors of the newest files on disk, empty when they compile. */
    public List<PackError> diskErrors(String pack) {
        awaitSyncUnchecked(pack);
        return diskErrors.getOrDefault(pack, List.of());
    }

    public CompiledPack active(String pack) throws UnknownPack, PackUnavailable, IOException, SQLException {
        awaitSync(pack);
        requireKnown(pack);
        String v = active.get(pack);
        if (v == null) {
            throw new PackUnavailable(pack);
        }
        try {
            return version(pack, v);
        } catch (UnknownVersion | PackRejected e) {
            throw new IllegalStateException("the active version " + v + " of " + pack + " cannot be loaded", e);
        }
    }

    /** Any stored version, compiled (cached by version). */
    public CompiledPack version(String pack, String version)
            throws UnknownPack, UnknownVersion, PackRejected, IOException, SQLException {
        awaitSync(pack);
        requireKnown(pack);
        // A stored version's files never change: a version still cached need not be read back and hashed.
        Optional<CompiledPack> known = home.cache().cached(version).filter(p -> p.id().equals(pack));
        if (known.isPresent()) {
            return known.get();
        }
        Optional<SortedMap<String, byte[]>> files = store.files(pack, version);
        if (files.isEmpty()) {
            throw new UnknownVersion(pack, version);
        }
        return home.cache().compile(new PackSource(pack, files.get()));
    }

    public List<PackVersions.Version> versions(String pack) throws UnknownPack, IOException, SQLException {
        awaitSync(pack);
        requireKnown(pack);
        return store.versions(pack);
    }

    /**
     * Compiles the active version's files with {@code uploads} (file name to bytes, .xlsx or .drl)
     * put in place of the files of the same name, and stores the result as a draft.
     */
    public Draft draft(String pack, Map<String, byte[]> uploads, String by)
            throws UnknownPack, PackUnavailable, PackRejected, IOException, SQLException {
        awaitSync(pack);
        requireKnown(pack);
        // A pack that never compiled has no active version: its files on disk are the base to mend.
        SortedMap<String, byte[]> files = new TreeMap<>(active.containsKey(pack)
                ? active(pack).source().files() : home.read(pack).files());
        List<String> changed = new ArrayList<>();
        for (var u : uploads.entrySet()) {
            String path = pathFor(pack, u.getKey());
            files.put(path, u.getValue());
            changed.add(path);
        }
        PackSource src = new PackSource(pack, files);
        home.cache().compile(src);
        boolean isNew = store.store(pack, src.version(), src.files(), "draft", by);
        return new Draft(pack, src.version(), !isNew, changed);
    }

    /** Where an uploaded file goes: workbooks under decision-tables/, rule files under rules-drl/. */
    static String pathFor(String pack, String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String lower = name.toLowerCase();
        if (!PackSource.isPackFile(name)) {
            throw new IllegalArgumentException("\"" + fileName + "\" is not a pack file; expected a .xlsx or .drl file");
        }
        return (lower.endsWith(".drl") ? PackSource.DRL_DIR : PackSource.TABLE_DIR) + "/" + pack + "/" + name;
    }

    public synchronized void publish(String pack, String version, String by)
            throws UnknownPack, UnknownVersion, PackRejected, IOException, SQLException {
        version(pack, version); // waits for the pack's sync
        store.activate(pack, version, by);
        active.put(pack, version);
        LOG.info("pack {}: version {} published by {}", pack, version, by);
    }

    private void requireKnown(String pack) throws UnknownPack, IOException {
        if (!active.containsKey(pack) && !home.ids().contains(pack)) {
            throw new UnknownPack(pack, ids());
        }
    }
}
