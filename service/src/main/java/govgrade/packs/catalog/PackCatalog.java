package govgrade.packs.catalog;

import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.PackSource;
import govgrade.packs.PackUnavailable;
import govgrade.packs.RuleLibrary;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.packs.build.SilentRows;
import govgrade.packs.tables.PackMeaning;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which version of each pack is active, and every version ever seen, kept in the store. A version
 * is named by what its files mean ({@link PackMeaning}), so files put back as they were are that
 * version again. Every candidate (files on disk, a draft, a publish, a revert) must compile and
 * pass the {@link VersionGate} before it is activated; one that compiles but fails the gate is
 * stored as refused with its reasons, and the last good version keeps serving.
 *
 * <p>Disk and HTTP: the latest change wins. Files on disk count as changed when what they mean
 * differs from what was last taken from disk (kept in the store, so this holds across restarts);
 * in {@link ReloadMode#DIRECT} a change activates, in {@link ReloadMode#REVIEW} it is stored to
 * await publish. Files unchanged since they were last taken leave a version published over HTTP
 * active.
 */
public final class PackCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(PackCatalog.class);

    private final PackHome home;
    private final PackVersions store;
    private final ReloadMode reload;
    private final Map<String, PackVersions.Active> active = new ConcurrentHashMap<>();
    private final Map<String, List<PackError>> diskErrors = new ConcurrentHashMap<>();
    private final Map<String, String> onDisk = new ConcurrentHashMap<>();
    private final Verdicts verdicts;
    private final PackSyncs syncs = new PackSyncs();

    public PackCatalog(PackHome home, PackVersions store) {
        this(home, store, VersionGate.NONE, ReloadMode.DIRECT);
    }

    public PackCatalog(PackHome home, PackVersions store, VersionGate gate, ReloadMode reload) {
        this.home = home;
        this.store = store;
        this.reload = reload;
        this.verdicts = new Verdicts(store, gate);
    }

    /** A draft's outcome: its version, and whether the same files were stored already. */
    public record Draft(String pack, String version, boolean existed, List<String> files, List<PackError> warnings) {
    }

    /**
     * Compiles each pack folder on disk, one task per pack, not yet run (see {@link #load}). The
     * caller runs the tasks on worker threads, so a service can listen while its packs compile.
     * Until a pack's task has run, every call about that pack runs it first (or waits for the
     * worker running it), so answers are the same as after a blocking sync.
     */
    public synchronized List<Runnable> startSync() throws IOException, SQLException {
        active.putAll(store.activeSince());
        nameOldVersions();
        List<Runnable> tasks = new ArrayList<>();
        for (String id : home.ids()) {
            tasks.add(syncs.add(id, () -> load(home.read(id))));
        }
        return tasks;
    }

    /** Versions stored under byte hashes get their meaning, so restored files find them. */
    private void nameOldVersions() throws SQLException {
        for (var e : store.withoutMeaning().entrySet()) {
            for (String v : e.getValue()) {
                Optional<SortedMap<String, byte[]>> files = store.files(e.getKey(), v);
                if (files.isPresent()) {
                    store.setMeaning(e.getKey(), v, PackMeaning.of(files.get()).version());
                }
            }
        }
    }

    /** Waits until every pack's sync has run; rethrows the first failure. */
    public void awaitSynced() throws IOException, SQLException {
        syncs.awaitAll();
    }

    /**
     * Takes a pack's files as read from disk (at start-up, or by hot reload). Files that mean
     * what was last taken from disk change nothing. Otherwise they are compiled and gated: files
     * that do not compile are not stored, files that do not grade are stored as refused, and in
     * both cases the active version keeps serving and the pack's status gives the reasons. Files
     * that pass are stored (or found: a restore) and, in direct mode, made active.
     *
     * @return true when the active version changed
     */
    public synchronized boolean load(PackSource src) throws SQLException {
        String id = src.id();
        Optional<String> seen = store.diskSeen(id);
        Optional<String> stored = store.byMeaning(id, src.version());
        PackVersions.Active current = active.get(id);
        // Before the store kept what was taken from disk, only never-seen files counted as an edit.
        boolean changed = seen.map(m -> !m.equals(src.version())).orElse(stored.isEmpty() || current == null);
        if (!changed && current != null) {
            diskErrors.remove(id);
            stored.ifPresent(v -> onDisk.put(id, v));
            if (seen.isEmpty()) {
                store.seeDisk(id, src.version());
            }
            LOG.info("pack {}: version {} active", id, current.version());
            warn(src);
            return false;
        }
        PackSource candidate = stored.map(src::storedAs).orElse(src);
        String v = candidate.version();
        List<PackError> refusal;
        try {
            refusal = verdicts.gate(home.cache().compile(candidate));
        } catch (PackRejected e) {
            diskErrors.put(id, e.errors());
            LOG.warn("pack {}: files on disk do not compile ({} errors, first: {}); {} stays active", id,
                    e.errors().size(), e.errors().get(0).describe(), current == null ? "no version" : current.version());
            return false;
        }
        verdicts.record(candidate, stored.isEmpty(), "disk", "disk", src.version(), refusal);
        if (!refusal.isEmpty()) {
            diskErrors.put(id, refusal);
            LOG.warn("pack {}: files on disk (version {}) are refused, they do not grade ({} errors, first: {}); {} "
                    + "stays active", id, v, refusal.size(), refusal.get(0).describe(),
                    current == null ? "no version" : current.version());
            return false;
        }
        diskErrors.remove(id);
        onDisk.put(id, v);
        store.seeDisk(id, src.version());
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
        activate(id, v, "disk", restored ? "restored" : "disk");
        if (restored) {
            LOG.info("pack {}: files on disk are stored version {} again; it is active again (restored)", id, v);
        } else {
            LOG.info("pack {}: version {} active", id, v);
        }
        return true;
    }

    private void activate(String pack, String version, String by, String how) throws SQLException {
        store.activate(pack, version, by, how);
        active.put(pack, store.activeSince().get(pack));
    }

    /**
     * Takes the versions the store holds active where they differ from this instance's: another
     * instance over the same store published, reverted or reloaded. The versions are trusted (that
     * instance gated them); {@link #warm} compiles one before a grading needs it.
     *
     * @return the packs whose active version changed
     */
    public List<String> follow() throws SQLException {
        List<String> changed = new ArrayList<>();
        synchronized (this) {
            // Read under the lock: a publish here between the read and the update would otherwise be undone.
            for (var e : store.activeSince().entrySet()) {
                PackVersions.Active mine = active.put(e.getKey(), e.getValue());
                if (mine == null || !mine.version().equals(e.getValue().version())) {
                    changed.add(e.getKey());
                    LOG.info("pack {}: version {} active (made active by another instance)", e.getKey(),
                            e.getValue().version());
                }
            }
        }
        return changed;
    }

    /** Compiles a pack's active version now (a version another instance made active), so no grading waits for it. */
    public void warm(String pack) {
        try {
            active(pack);
        } catch (UnknownPack | PackUnavailable | IOException | SQLException | RuntimeException e) {
            LOG.warn("pack {}: the version another instance made active does not compile here: {}", pack, e.toString());
        }
    }

    public PackHome home() {
        return home;
    }

    /** How files changed on disk are taken. */
    public ReloadMode reloadMode() {
        return reload;
    }

    /** Pack ids on disk or in the store, sorted. */
    public List<String> ids() throws IOException {
        TreeSet<String> ids = new TreeSet<>(home.ids());
        ids.addAll(active.keySet());
        return List.copyOf(ids);
    }

    public Optional<String> activeVersion(String pack) {
        return activeSince(pack).map(PackVersions.Active::version);
    }

    /** The active version with since when and how it became active. */
    public Optional<PackVersions.Active> activeSince(String pack) {
        syncs.awaitUnchecked(pack);
        return Optional.ofNullable(active.get(pack));
    }

    /** The stored version the files on disk are, once they compiled and graded; may differ from the active one. */
    public Optional<String> diskVersion(String pack) {
        syncs.awaitUnchecked(pack);
        return Optional.ofNullable(onDisk.get(pack));
    }

    /** Why the newest files on disk are not active: compile errors or the gate's reasons; empty when none. */
    public List<PackError> diskErrors(String pack) {
        syncs.awaitUnchecked(pack);
        return diskErrors.getOrDefault(pack, List.of());
    }

    public CompiledPack active(String pack) throws UnknownPack, PackUnavailable, IOException, SQLException {
        syncs.await(pack);
        requireKnown(pack);
        PackVersions.Active a = active.get(pack);
        if (a == null) {
            throw new PackUnavailable(pack);
        }
        try {
            return version(pack, a.version());
        } catch (UnknownVersion | PackRejected e) {
            throw new IllegalStateException("the active version " + a.version() + " of " + pack + " cannot be loaded", e);
        }
    }

    /** Any stored version, compiled (cached by version). */
    public CompiledPack version(String pack, String version)
            throws UnknownPack, UnknownVersion, PackRejected, IOException, SQLException {
        syncs.await(pack);
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
        return home.cache().compile(PackMeaning.source(pack, files.get()).storedAs(version));
    }

    public List<PackVersions.Version> versions(String pack) throws UnknownPack, IOException, SQLException {
        syncs.await(pack);
        requireKnown(pack);
        return store.versions(pack);
    }

    /**
     * The workbook of a stored version, by its path in the pack, for staff to download, edit and send
     * back as a draft; empty for a version without one (a pack of rules only).
     */
    public Optional<Map.Entry<String, byte[]>> workbook(String pack, String version)
            throws UnknownPack, UnknownVersion, IOException, SQLException {
        syncs.await(pack);
        requireKnown(pack);
        SortedMap<String, byte[]> files = store.files(pack, version).orElseThrow(() -> new UnknownVersion(pack, version));
        return files.entrySet().stream().filter(e -> PackSource.isWorkbook(e.getKey())).findFirst();
    }

    /** Rows of the files on disk that change nothing, in the log where whoever edits them on disk looks. */
    private static void warn(PackSource src) {
        SilentRows.of(src).forEach(w -> LOG.warn("pack {}: {}", src.id(), w.describe()));
    }

    /** A draft by a rule author: any file may change. */
    public Draft draft(String pack, Map<String, byte[]> uploads, String by) throws UnknownPack, PackUnavailable,
            PackRejected, UploadRefused, CodeChangeRefused, VersionRefused, IOException, SQLException {
        return draft(pack, uploads, by, true);
    }

    /**
     * Compiles the active version's files with {@code uploads} (file name to bytes) in place of the
     * files they replace ({@link DraftFiles}), gates it and stores it as a draft. With
     * {@code mayChangeCode} false (a criteria editor) a draft whose code differs from the active
     * version's is refused before anything is stored; a draft that does not grade is stored as
     * refused and answered {@link VersionRefused}.
     */
    public Draft draft(String pack, Map<String, byte[]> uploads, String by, boolean mayChangeCode)
            throws UnknownPack, PackUnavailable, PackRejected, UploadRefused, CodeChangeRefused, VersionRefused,
            IOException, SQLException {
        syncs.await(pack);
        requireKnown(pack);
        // A pack that never compiled has no active version: its files on disk are the base to mend.
        PackSource base = active.containsKey(pack) ? active(pack).source() : home.read(pack);
        SortedMap<String, byte[]> files = new TreeMap<>(base.files());
        Map<String, String> placed = DraftFiles.place(pack, base.files().keySet(), uploads.keySet());
        placed.forEach((name, path) -> files.put(path, uploads.get(name)));
        // A changed include line takes in (or drops) library files; those kept keep the base version's text.
        RuleLibrary.resolve(home.home(), files);
        PackSource fresh = PackMeaning.source(pack, files);
        if (!mayChangeCode) {
            Verdicts.requireSameCode(base, fresh);
        }
        Optional<String> stored = store.byMeaning(pack, fresh.version());
        PackSource src = stored.map(fresh::storedAs).orElse(fresh);
        List<PackError> refusal = verdicts.gate(home.cache().compile(src));
        verdicts.record(src, stored.isEmpty(), "draft", by, fresh.version(), refusal);
        if (!refusal.isEmpty()) {
            throw new VersionRefused(pack, src.version(), refusal);
        }
        return new Draft(pack, src.version(), stored.isPresent(), List.copyOf(placed.values()), SilentRows.of(src));
    }

    /** Publishing by a rule author. */
    public void publish(String pack, String version, String by) throws UnknownPack, UnknownVersion, PackRejected,
            CodeChangeRefused, VersionRefused, PackUnavailable, IOException, SQLException {
        publish(pack, version, by, true);
    }

    /**
     * Makes a stored version active: a draft, or an earlier version again (a revert), with the
     * same checks as any candidate. A criteria editor ({@code mayChangeCode} false) may publish
     * only a version whose code is the active version's.
     */
    public void publish(String pack, String version, String by, boolean mayChangeCode) throws UnknownPack,
            UnknownVersion, PackRejected, CodeChangeRefused, VersionRefused, PackUnavailable, IOException, SQLException {
        syncs.await(pack); // outside the lock: the sync itself takes it
        CompiledPack candidate = version(pack, version);
        if (!mayChangeCode && active.containsKey(pack)) {
            Verdicts.requireSameCode(active(pack).source(), candidate.source());
        }
        List<PackError> refusal = verdicts.gate(candidate);
        synchronized (this) {
            verdicts.record(candidate.source(), false, "draft", by, null, refusal);
            if (!refusal.isEmpty()) {
                throw new VersionRefused(pack, version, refusal);
            }
            boolean before = store.version(pack, version).map(v -> v.publishedAt() != null).orElse(false);
            activate(pack, version, by, before ? "reverted" : "published");
        }
        LOG.info("pack {}: version {} published by {}", pack, version, by);
    }

    private void requireKnown(String pack) throws UnknownPack, IOException {
        if (!active.containsKey(pack) && !home.ids().contains(pack)) {
            throw new UnknownPack(pack, ids());
        }
    }
}
