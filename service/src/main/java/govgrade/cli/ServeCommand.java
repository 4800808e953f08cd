package govgrade.cli;

import govgrade.app.Service;
import govgrade.http.ApiServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the HTTP service over an embedded SQLite file and the bundled packs. No configuration needed. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP grading service. Changing packs over HTTP needs GOVGRADE_ADMIN_TOKEN.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", defaultValue = "7070", description = "port to listen on (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--db", defaultValue = "govgrade.db", description = "SQLite file (default ${DEFAULT-VALUE})")
    Path db;

    @Option(names = "--max-body-mb", defaultValue = "32",
            description = "largest request body in MB; larger ones get 413 (default ${DEFAULT-VALUE})")
    int maxBodyMb;

    @Option(names = "--watch", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "reload packs when their files change on disk; --no-watch to switch off (default on)")
    boolean watch;

    @Mixin
    Home home;

    @Override
    public Integer call() throws Exception {
        Service service = Service.start(home.dir, db, new ApiServer.Settings(host, port, maxBodyMb * 1024L * 1024L,
                System.getenv("GOVGRADE_ADMIN_TOKEN"), home.dir.resolve("fixtures")), watch);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Stop taking requests, then close the database so no -wal file is left behind.
            service.close();
            stopped.countDown();
        }, "govgrade-shutdown"));
        LOG.info("govgrade listening on {}:{} (database {}, pack changes over HTTP {})", host, service.port(),
                db.toAbsolutePath(), System.getenv("GOVGRADE_ADMIN_TOKEN") == null ? "off" : "on");
        try {
            // Packs compile while the service already listens; a store failure still stops it, as it did
            // when packs were compiled before listening.
            service.awaitSynced();
        } catch (Exception e) {
            service.close();
            throw e;
        }
        stopped.await();
        return 0;
    }
}
