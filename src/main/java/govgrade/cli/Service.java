package govgrade.cli;

import govgrade.http.ApiServer;
import govgrade.packs.PackCatalog;
import govgrade.packs.PackRegistry;
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

    private final Database database;
    private final ApiServer server;

    private Service(Database database, ApiServer server) {
        this.database = database;
        this.server = server;
    }

    public static Service start(Path home, Path dbFile, ApiServer.Settings settings) throws Exception {
        Database database = Database.open(dbFile);
        try {
            PackCatalog catalog = new PackCatalog(new PackRegistry(home), new PackVersions(database));
            catalog.syncFromDisk();
            RunService runs = new RunService(catalog, new Runs(database));
            WhatIfService whatIfs = new WhatIfService(runs, catalog, new WhatIfs(database));
            ApiServer server = new ApiServer(settings, catalog, runs, whatIfs).start();
            return new Service(database, server);
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
        server.stop();
        try {
            database.close();
        } catch (Exception e) {
            LOG.warn("closing the database: {}", e.getMessage());
        }
    }
}
