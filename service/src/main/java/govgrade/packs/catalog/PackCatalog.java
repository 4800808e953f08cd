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
import govgrade.store.Database;
import govgrade.store.DiskSeen;
import govgrade.store.FixtureFiles;
import govgrade.store.NewVersions;
import govgrade.store.PackVersions;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which version of each pack is active, and every version ever seen, kept in the store. A version
 * is named by what its files mean ({@link PackMeaning}), so files put back as they were are that
 * version again. Every candidate (files on disk, a draft, a publish, a revert) must compile and
 * pass the {@link VersionGate} before it is activated; one that compiles but fails the gate is
 * stored as refused with its reasons, and the last good version keeps serving. Files on disk are
 * taken by {@link DiskLoads}; versions other instances store or activate are followed here.
 */
public final class PackCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(PackCatalog.class);

    private final PackHome home;
    private final PackVersions store;
    private final ReloadMode reload;
    private final ActiveVersions active;
    private final FixtureChoice fixtures;
    private final Verdicts verdicts;
    private final DiskLoads disk;
    private final OtherInstances others;
    private final StoredMeanings meanings;
    private final PackSyncs syncs = new PackSyncs();

    /** Without a gate, activating what is on disk at once (the command line and tests). */
    public PackCatalog(PackHome home, Database db) {
        this(home, db, VersionGate.NONE, ReloadMode.DIRECT, "local");
    }

    /**
     * {@code instance}: this instance's id, the same across its restarts, under which the store
     * keeps what it last took from its own disk.
     */
    public PackCatalog(PackHome home, Database db, VersionGate gate, ReloadMode reload, String instance) {
        this.home = home;
        this.store = new PackVersions(db);
        this.reload = reload;
        this.active = new ActiveVersions(store);
        this.fixtures = new FixtureChoice(home.home(), new FixtureFiles(db));
        this.verdicts = new Verdicts(store, fixtures, gate);
        DiskSeen seen = new DiskSeen(db, instance);
        this.disk = new DiskLoads(home, store, seen, reload, active, verdicts, fixtures);
        this.meanings = new StoredMeanings(store, seen);
        this.others = new OtherInstances(this, active, new NewVersions(db));
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
    public List<Runnable> startSync() throws IOException, SQLException {
        active.readStore();
        disk.nameOldVersions();
        others.startFollowing();
        List<Runnable> tasks = new ArrayList<>();
        for (String id : home.ids()) {
            tasks.add(syncs.add(id, () -> disk.loadAtStart(home.read(id, meanings::find))));
        }
        return tasks;
    }

    /**
     * Logs, on a thread of its own once start-up is over ({@code after} the start), the rows
     * that change nothing in packs whose files were unchanged since this instance last took them.
     * They were logged when those files were taken; finding them again reads every workbook, which
     * on a small machine would take a core from the first requests. A service stopped before then
     * logs none, as before it had them logged at the earlier start.
     */
    public void warnLater(Duration after) {
        // Not waiting on the syncs: a waiter runs a sync not yet started, which after a stop would meet a closed store.
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(after.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            disk.warnDeferred();
        }, "pack-warnings");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until every pack's sync has run; rethrows the first failure. */
    public void awaitSynced() throws IOException, SQLException {
        syncs.awaitAll();
    }

    /** Takes a pack's files as read from disk (at start-up, or by hot reload); see {@link DiskLoads#load}. */
    public boolean load(PackSource src) throws IOException, SQLException {
        return disk.load(src);
    }

    /** What other instances over the same store activate and store, followed and compiled here. */
    public OtherInstances others() {
        return others;
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
        ids.addAll(active.packs());
        return List.copyOf(ids);
    }

    public Optional<String> activeVersion(String pack) {
        return activeSince(pack).map(PackVersions.Active::version);
    }

    /** The active version with since when and how it became active. */
    public Optional<PackVersions.Active> activeSince(String pack) {
        syncs.awaitUnchecked(pack);
        return active.get(pack);
    }

    /** The stored version the files on disk are, once they compiled and graded; may differ from the active one. */
    public Optional<String> diskVersion(String pack) {
        syncs.awaitUnchecked(pack);
        return disk.version(pack);
    }

    /** Why the newest files on disk are not active: compile errors or the gate's reasons; empty when none. */
    public List<PackError> diskErrors(String pack) {
        syncs.awaitUnchecked(pack);
        return disk.errors(pack);
    }

    public CompiledPack active(String pack) throws UnknownPack, PackUnavailable, IOException, SQLException {
        syncs.await(pack);
        requireKnown(pack);
        PackVersions.Active a = active.get(pack).orElseThrow(() -> new PackUnavailable(pack));
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

    /**
     * The fixtures a stored version is tested against: those it keeps in the store, else the
     * active version's, else this instance's disk's.
     */
    public PackFixtures fixtures(String pack, String version) throws IOException, SQLException {
        String serving = active.get(pack).map(PackVersions.Active::version).orElse(version);
        return fixtures.forVersion(pack, version, serving);
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
        PackSource base = active.has(pack) ? active(pack).source() : home.read(pack);
        SortedMap<String, byte[]> files = new TreeMap<>(base.files());
        Map<String, String> placed = DraftFiles.place(pack, base.files().keySet(), uploads.keySet());
        placed.forEach((name, path) -> files.put(path, uploads.get(name)));
        // A changed include line takes in (or drops) library files; those kept keep the base version's text.
        RuleLibrary.resolve(home.home(), files);
        PackSource fresh = PackMeaning.source(pack, files);
        if (!mayChangeCode) {
            Verdicts.requireSameCode(base, fresh);
        }
        Optional<String> known = store.byMeaning(pack, fresh.version());
        PackSource src = known.map(fresh::storedAs).orElse(fresh);
        // The fixtures of the version the draft is based on, whichever instance's disk holds them.
        PackFixtures tests = active.has(pack) ? fixtures.forVersion(pack, base.version()) : fixtures.forVersion(pack);
        List<PackError> refusal = verdicts.gate(home.cache().compile(src), tests);
        verdicts.record(src, known.isEmpty(), "draft", by, fresh.version(), refusal, tests);
        if (!refusal.isEmpty()) {
            throw new VersionRefused(pack, src.version(), refusal);
        }
        return new Draft(pack, src.version(), known.isPresent(), List.copyOf(placed.values()), SilentRows.of(src));
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
        if (!mayChangeCode && active.has(pack)) {
            Verdicts.requireSameCode(active(pack).source(), candidate.source());
        }
        // Its own fixtures, else (a version stored before they were kept) the active version's.
        PackFixtures tests = fixtures(pack, version);
        List<PackError> refusal = verdicts.gate(candidate, tests);
        synchronized (active) {
            verdicts.record(candidate.source(), false, "draft", by, null, refusal, tests);
            if (!refusal.isEmpty()) {
                throw new VersionRefused(pack, version, refusal);
            }
            boolean before = store.version(pack, version).map(v -> v.publishedAt() != null).orElse(false);
            active.activate(pack, version, by, before ? "reverted" : "published");
        }
        LOG.info("pack {}: version {} published by {}", pack, version, by);
    }

    private void requireKnown(String pack) throws UnknownPack, IOException {
        if (!active.has(pack) && !home.ids().contains(pack)) {
            throw new UnknownPack(pack, ids());
        }
    }
}
