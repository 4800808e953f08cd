package govgrade.app;

import govgrade.http.ApiServer;
import govgrade.http.Watch;
import govgrade.jobs.JobService;
import govgrade.jobs.JobWorkers;
import govgrade.packs.catalog.OtherInstances;
import govgrade.packs.catalog.PackCache;
import govgrade.packs.catalog.PackCatalog;
import govgrade.packs.catalog.PackHome;
import govgrade.packs.catalog.PackWatcher;
import govgrade.published.DraftReview;
import govgrade.published.FixtureGate;
import govgrade.runs.RunService;
import govgrade.runs.WhatIfService;
import govgrade.store.ActiveChanges;
import govgrade.store.Audit;
import govgrade.store.Database;
import govgrade.store.JobRows;
import govgrade.store.Jobs;
import govgrade.store.Runs;
import govgrade.store.StoreCodec;
import govgrade.store.WhatIfs;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service and what it owns, assembled from {@link Settings} here and nowhere else:
 * serve, the tests and the benchmarks all start it this way.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    /** Start-up is over by then on a small machine: the first requests graded, the JIT past the hot code. */
    private static final Duration WARNINGS_AFTER = Duration.ofSeconds(20);

    private final Database database;
    private final ApiServer server;
    private final ThreadPoolExecutor sync;
    private final PackCatalog catalog;
    private final PackWatcher watcher;
    private final ActiveChanges changes;
    private final JobWorkers workers;
    private final Meters meters;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private Service(Database database, ApiServer server, ThreadPoolExecutor sync, PackCatalog catalog,
                    PackWatcher watcher, ActiveChanges changes, JobWorkers workers, Meters meters) {
        this.changes = changes;
        this.workers = workers;
        this.meters = meters;
        this.database = database;
        this.server = server;
        this.sync = sync;
        this.catalog = catalog;
        this.watcher = watcher;
    }

    /**
     * Opens the store, starts compiling the packs on disk ({@link Settings#compileThreads()} at
     * once) and starts listening without waiting for them: a request waits only for the pack it
     * needs (see {@link PackCatalog#startSync()}). {@link #awaitSynced()} waits for them all.
     * Packs compiled by an earlier start are read back from {@link Settings#startup()}'s folder.
     */
    public static Service start(Settings settings) throws Exception {
        return start(settings, new PackCache(PackCache.DEFAULT_MAX_VERSIONS, settings.budgets(),
                settings.startup().packFiles(settings.db())));
    }

    /** {@code cache}: compiled packs, shared with whatever else uses it (tests share one across services). */
    public static Service start(Settings settings, PackCache cache) throws Exception {
        int threads = settings.compileThreads();
        ThreadPoolExecutor sync = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "pack-sync");
                    t.setDaemon(true);
                    return t;
                });
        PackHome packs = new PackHome(settings.home(), cache);
        // A folder no batch or URL can name is skipped, not fatal: the other packs still serve.
        packs.misnamed().forEach(e -> LOG.warn("pack folder skipped: {}", e.describe()));
        Meters meters = new Meters(settings.store().url() == null ? settings.db() : null);
        Database database;
        try {
            database = Database.open(settings.store().location(settings.db()), meters.storeWrites(),
                    settings.startup().schemaMark(settings.db()));
        } catch (Exception e) {
            stopSync(sync);
            meters.close();
            throw e;
        }
        try {
            // The gate grades, which packs.catalog cannot: the published pack tests are handed down to it.
            PackCatalog catalog = new PackCatalog(packs, database, new FixtureGate(settings.fixtures(),
                    settings.budgets()), settings.access().reload(), InstanceId.of(settings.home()));
            catalog.startSync().forEach(sync::execute);
            catalog.warnLater(WARNINGS_AFTER);
            StoreCodec codec = settings.store().codec();
            if (codec == StoreCodec.GZIP) {
                // Chosen for an upgrade one instance at a time: a reminder, so it is not left on for good.
                LOG.info("new runs and what-if answers are stored in gzip (--store-codec gzip), which releases before "
                        + "zstd read too; once every instance over this store runs this release, drop the option");
            }
            RunService runs = new RunService(catalog, new Runs(database, codec), settings.batchLimits(),
                    settings.budgets(), meters.grading());
            WhatIfService whatIfs = new WhatIfService(runs, catalog, new WhatIfs(database, codec));
            DraftReview drafts = new DraftReview(catalog, settings.fixtures(), settings.budgets());
            ApiServer.Tokens tokens = new ApiServer.Tokens(settings.adminToken(), settings.access().editorToken(),
                    settings.access().graderToken());
            Jobs jobs = new Jobs(database, codec);
            JobService jobService = new JobService(catalog, jobs, new JobRows(database));
            ApiServer server = new ApiServer(settings.host(), settings.port(), settings.maxBodyBytes(), tokens,
                    settings.server(), new ApiServer.Services(catalog, runs, whatIfs, drafts, jobService),
                    new Watch(meters.registry(), settings.operations().metricsToken(),
                            settings.operations().corsOrigins(), new Audit(database))).start();
            PackWatcher watcher;
            try {
                watcher = settings.watch() ? PackWatcher.start(catalog, settings.home(), settings.quiet().toMillis()) : null;
            } catch (Exception e) {
                server.stop(); // or the port stays taken by a service that never started
                throw e;
            }
            // Other instances over the same store publish too: their activations become this one's, and
            // the versions they store are compiled here before anyone activates them, so an activation
            // only switches. Compiling takes seconds: on the compile pool, so the next change is seen meanwhile.
            OtherInstances others = catalog.others();
            ActiveChanges changes = ActiveChanges.start(database, settings.store().poll(), () -> {
                others.newVersions().forEach(v -> sync.execute(() -> others.warm(v.getKey(), v.getValue())));
                others.follow().forEach(pack -> sync.execute(() -> others.warm(pack)));
            });
            JobWorkers workers = JobWorkers.start(database, jobs, whatIfs, InstanceId.forLeases(server.port()),
                    settings.jobs().workers(), settings.jobs().lease(), settings.jobs().poll());
            return new Service(database, server, sync, catalog, watcher, changes, workers, meters);
        } catch (Exception e) {
            stopSync(sync);
            database.close();
            meters.close();
            throw e;
        }
    }

    /** Returns once every pack on disk is compiled and stored; throws what stopped one (a store failure). */
    public void awaitSynced() throws Exception {
        catalog.awaitSynced();
    }

    /** Packs not yet started are dropped; a compile under way finishes before the store closes. */
    private static void stopSync(ThreadPoolExecutor sync) {
        sync.getQueue().clear();
        sync.shutdown();
        try {
            if (!sync.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("a pack was still compiling when the service stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The packs this service serves, for benchmarks that time the catalog itself. */
    public PackCatalog catalog() {
        return catalog;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return; // closed already (serve closes on a failed sync, then again in its shutdown hook)
        }
        if (watcher != null) {
            watcher.close();
        }
        changes.close();
        workers.close(); // before the server: a job made during the stop is done by the other instances
        server.stop();
        stopSync(sync);
        try {
            database.close();
        } catch (Exception e) {
            LOG.warn("closing the database: {}", e.getMessage());
        }
        meters.close();
    }
}
