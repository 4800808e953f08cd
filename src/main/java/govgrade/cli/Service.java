package govgrade.cli;

import govgrade.http.ApiServer;
import govgrade.packs.PackCatalog;
import govgrade.packs.PackRegistry;
import govgrade.packs.PackWatcher;
import govgrade.runs.RunService;
import govgrade.store.Database;
import govgrade.store.PackVersions;
import govgrade.store.Runs;
import govgrade.store.WhatIfs;
import govgrade.whatif.WhatIfService;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service and what it owns; tests start one on port 0 the same way. */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    /** How long a pack folder must be still before a change is read: editors save in bursts. */
    static final long QUIET_MILLIS = 300;

    private final Database database;
    private final ApiServer server;
    private final PackWatcher watcher;

    private Service(Database database, ApiServer server, PackWatcher watcher) {
        this.database = database;
        this.server = server;
        this.watcher = watcher;
    }

    public static Service start(Path home, Path dbFile, ApiServer.Settings settings) throws Exception {
        return start(home, dbFile, settings, false);
    }

    /** {@code watch}: reload packs when their files change on disk (hot reload). */
    public static Service start(Path home, Path dbFile, ApiServer.Settings settings, boolean watch) throws Exception {
        Database database = Database.open(dbFile);
        try {
            PackCatalog catalog = new PackCatalog(new PackRegistry(home), new PackVersions(database));
            catalog.syncFromDisk();
            RunService runs = new RunService(catalog, new Runs(database));
            WhatIfService whatIfs = new WhatIfService(runs, catalog, new WhatIfs(database));
            ApiServer server = new ApiServer(settings, catalog, runs, whatIfs).start();
            PackWatcher watcher = watch ? PackWatcher.start(catalog, home, QUIET_MILLIS) : null;
            return new Service(database, server, watcher);
        } catch (Exception e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        server.stop();
        try {
            database.close();
        } catch (Exception e) {
            LOG.warn("closing the database: {}", e.getMessage());
        }
    }
}
