package govgrade.app;

import govgrade.http.ApiServer;
import govgrade.packs.catalog.PackCache;
import govgrade.packs.catalog.PackCatalog;
import govgrade.packs.catalog.PackHome;
import govgrade.packs.catalog.PackWatcher;
import govgrade.runs.RunService;
import govgrade.store.Database;
import govgrade.store.PackVersions;
import govgrade.store.Runs;
import govgrade.store.WhatIfs;
import govgrade.runs.WhatIfService;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service and what it owns; tests start one on port 0 the same way. */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    /** How long a pack folder must be still before a change is read: editors save in bursts. */
    static final long QUIET_MILLIS = 300;

    private final Database database;
    private final ApiServer server;
    private final ThreadPoolExecutor sync;
    private final PackCatalog catalog;
    private final PackWatcher watcher;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private Service(Database database, ApiServer server, ThreadPoolExecutor sync, PackCatalog catalog,
                    PackWatcher watcher) {
        this.database = database;
        this.server = server;
        this.sync = sync;
        this.catalog = catalog;
        this.watcher = watcher;
    }

    /**
     * Opens the store, starts compiling the packs on disk on every core and starts listening
     * without waiting for them: a request waits only for the pack it needs (see
     * {@link PackCatalog#startSync()}). {@link #awaitSynced()} waits for them all.
     */
    public static Service start(Path home, Path dbFile, ApiServer.Settings settings) throws Exception {
        return start(home, dbFile, settings, false);
    }

    /** {@code watch}: also reload packs when their files change on disk (hot reload). */
    public static Service start(Path home, Path dbFile, ApiServer.Settings settings, boolean watch) throws Exception {
        return start(home, dbFile, settings, watch, new PackCache());
    }

    /** {@code cache}: compiled packs, shared with whatever else uses it (tests share one across services). */
    public static Service start(Path home, Path dbFile, ApiServer.Settings settings, boolean watch, PackCache cache)
            throws Exception {
        int cores = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ThreadPoolExecutor sync = new ThreadPoolExecutor(cores, cores, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "pack-sync");
                    t.setDaemon(true);
                    return t;
                });
        PackHome packs = new PackHome(home, cache);
        // Compiling is most of a cold start and needs no store: it starts before the store opens.
        for (String id : packs.ids()) {
            sync.execute(() -> packs.precompile(id));
        }
        Database database;
        try {
            database = Database.open(dbFile);
        } catch (Exception e) {
            stopSync(sync);
            throw e;
        }
        try {
            PackCatalog catalog = new PackCatalog(packs, new PackVersions(database));
            catalog.startSync().forEach(sync::execute);
            RunService runs = new RunService(catalog, new Runs(database));
            WhatIfService whatIfs = new WhatIfService(runs, catalog, new WhatIfs(database));
            ApiServer server = new ApiServer(settings, catalog, runs, whatIfs).start();
            PackWatcher watcher = watch ? PackWatcher.start(catalog, home, QUIET_MILLIS) : null;
            return new Service(database, server, sync, catalog, watcher);
        } catch (Exception e) {
            stopSync(sync);
            database.close();
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
        server.stop();
        stopSync(sync);
        try {
            database.close();
        } catch (Exception e) {
            LOG.warn("closing the database: {}", e.getMessage());
        }
    }
}
