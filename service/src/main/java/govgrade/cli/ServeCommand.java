package govgrade.cli;

import govgrade.app.Access;
import govgrade.app.JobSettings;
import govgrade.app.Operations;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.app.StartupCaches;
import govgrade.app.StoreSettings;
import govgrade.http.ServerLimits;
import govgrade.packs.Budgets;
import govgrade.packs.catalog.ReloadMode;
import govgrade.store.PostgresUrl;
import govgrade.store.StoreCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code serve}: the HTTP service over an embedded SQLite file (or a shared PostgreSQL) and the bundled packs. No configuration needed. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP grading service. Changing packs over HTTP needs GOVGRADE_ADMIN_TOKEN (rule "
                + "authors) or GOVGRADE_EDITOR_TOKEN (criteria editors); GOVGRADE_GRADER_TOKEN, when set, is needed "
                + "to grade.",
        footer = {"", "Every option can also be set by an environment variable: GOVGRADE_ and the option's name in "
                + "capitals with '_' for '-' (--max-body-mb: GOVGRADE_MAX_BODY_MB, --no-watch: GOVGRADE_WATCH=false). "
                + "An option on the command line wins over the environment."},
        defaultValueProvider = EnvironmentDefaults.class,
        exitCodeListHeading = Exits.HEADING,
        exitCodeList = {"0:stopped", "2:an option or environment variable is out of range, the home folder is "
                + "missing, or the port is taken", Exits.INTERNAL_LINE})
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", defaultValue = "7070", description = "port to listen on (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default "
            + "${DEFAULT-VALUE}: this machine only, as behind a proxy; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--db", defaultValue = "govgrade.db", paramLabel = "FILE|URL", description = "SQLite file, or a "
            + "PostgreSQL URL (postgresql://user:password@host:5432/db or jdbc:postgresql://...) that several instances "
            + "share (default ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--max-body-mb", defaultValue = "32",
            description = "largest request body in MB; larger ones get 413 (default ${DEFAULT-VALUE})")
    int maxBodyMb;

    @Option(names = "--watch", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "reload packs when their files change on disk; --no-watch to switch off (default on)")
    boolean watch;

    @Option(names = "--compile-threads", paramLabel = "N",
            description = "packs compiled at once at start-up (default: every core, here ${DEFAULT-VALUE})")
    int compileThreads = Settings.everyCore();

    @Option(names = "--reload", paramLabel = "direct|review", defaultValue = "direct",
            description = "what a pack change on disk does once it passes every check: direct makes it active, "
                    + "review stores it to await publish over HTTP (default ${DEFAULT-VALUE})")
    String reload;

    @Option(names = Budgets.FIRINGS_FLAG, paramLabel = "N", description = "rule firings allowed per fact in a"
            + " grading, on top of " + Budgets.FLOOR_FLAG + "; more fails the grading (default ${DEFAULT-VALUE})")
    int firingsPerFact = Budgets.DEFAULTS.firingsPerFact();

    @Option(names = Budgets.FLOOR_FLAG, paramLabel = "N",
            description = "rule firings allowed in any grading whatever its size (default ${DEFAULT-VALUE})")
    int firingFloor = Budgets.DEFAULTS.firingFloor();

    @Option(names = Budgets.GRADING_FLAG, paramLabel = "S",
            description = "seconds a grading's rules may run before it is answered 503 (default ${DEFAULT-VALUE})")
    long gradingSeconds = Budgets.DEFAULTS.grading().toSeconds();

    @Option(names = Budgets.COMPILE_FLAG, paramLabel = "S",
            description = "seconds each pack compile step may take before the pack is refused (default ${DEFAULT-VALUE})")
    long compileSeconds = Budgets.DEFAULTS.compile().toSeconds();

    @Option(names = Budgets.STUCK_FLAG, paramLabel = "N", description = "workers of one pack version that ignored"
            + " their time budget and still run, before that version is refused (default ${DEFAULT-VALUE})")
    int stuckWorkers = Budgets.DEFAULTS.stuckPerVersion();

    @Option(names = "--idle-timeout-s", paramLabel = "S", defaultValue = "30",
            description = "close a connection that sends nothing for S seconds (default ${DEFAULT-VALUE})")
    int idleTimeoutS;

    @Option(names = "--min-data-rate", paramLabel = "BYTES", defaultValue = "512",
            description = "cut off (408) a request body arriving slower than BYTES a second, 0 for off "
                    + "(default ${DEFAULT-VALUE})")
    int minDataRate;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1000",
            description = "connections open at once; past it new ones wait (default ${DEFAULT-VALUE})")
    int maxConnections;

    @Option(names = "--max-threads", paramLabel = "N", defaultValue = "250",
            description = "request threads (default ${DEFAULT-VALUE})")
    int maxThreads;

    @Option(names = "--shutdown-grace-s", paramLabel = "S", defaultValue = "20",
            description = "on SIGTERM, let requests in flight finish for up to S seconds (default ${DEFAULT-VALUE})")
    int shutdownGraceS;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
            description = "a browser origin (https://host[:port]) a dashboard may call the API from; repeatable, "
                    + "or * for any; none by default. /metrics asks for GOVGRADE_METRICS_TOKEN when that is set")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--store-poll-ms", paramLabel = "MS", description = "how often the active pack versions are read "
            + "back from the store, for publishes made by another instance (PostgreSQL also tells at once) "
            + "(default ${DEFAULT-VALUE})")
    long storePollMs = StoreSettings.DEFAULT_POLL.toMillis();

    @Option(names = "--store-codec", paramLabel = "zstd|gzip", defaultValue = "zstd",
            description = "what new runs and what-if answers are stored in; both are read. gzip while instances of a "
                    + "release before zstd share this store, for an upgrade one at a time (default ${DEFAULT-VALUE})")
    String storeCodec;

    @Option(names = "--pack-cache", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "keep compiled packs in the cache folder and read them back at the next start instead of "
                    + "compiling; --no-pack-cache to switch off (default on)")
    boolean packCache;

    @Option(names = "--jvm-cache", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "start again in a JVM that maps a class archive of this jar (AppCDS; the AOT cache on JDK 25), "
                    + "recorded by the first start into the cache folder; --no-jvm-cache to serve in this JVM "
                    + "(default on)")
    boolean jvmCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "where start-up caches are kept (default: beside "
            + "the database file, named after it: govgrade.db" + StartupCaches.SUFFIX + ")")
    Path cacheDir;

    @Option(names = "--job-workers", paramLabel = "N", description = "job items this instance works on at once; 0: it "
            + "takes no job work (default ${DEFAULT-VALUE})")
    int jobWorkers = JobSettings.DEFAULT_WORKERS;

    @Option(names = "--job-lease-ms", paramLabel = "MS", description = "how long a job item claimed by this instance "
            + "stays its own without a renewal: an item of an instance that died is taken again after it "
            + "(default ${DEFAULT-VALUE})")
    long jobLeaseMs = JobSettings.DEFAULT_LEASE.toMillis();

    @Option(names = "--job-poll-ms", paramLabel = "MS", description = "how often idle job workers look for items "
            + "(PostgreSQL also tells at once) (default ${DEFAULT-VALUE})")
    long jobPollMs = JobSettings.DEFAULT_POLL.toMillis();

    @Mixin
    Home home;

    @Mixin
    BatchLimitOptions batchLimits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            settings = settings(System.getenv(Settings.TOKEN_VARIABLE)).withAccess(access(
                    System.getenv(Access.EDITOR_TOKEN_VARIABLE), System.getenv(Access.GRADER_TOKEN_VARIABLE)))
                    .withOperations(operations(System.getenv(Operations.METRICS_TOKEN_VARIABLE)))
                    .withStore(store());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (settings.startup().jvm()) {
            OptionalInt relaunched = Relaunch.serve(settings.startup().folder(settings.db()));
            if (relaunched.isPresent()) {
                return relaunched.getAsInt();
            }
        }
        Service service = Service.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM (or Ctrl-C): stop accepting, let requests in flight finish within the grace,
            // then close the database so no -wal file is left behind.
            LOG.info("stopping: requests in flight have {} s to finish", settings.server().shutdownGrace().toSeconds());
            service.close();
            LOG.info("stopped");
            stopped.countDown();
        }, "govgrade-shutdown"));
        LOG.info("govgrade listening on {}:{} (database {}, pack changes over HTTP {}, {} compile threads)", host,
                service.port(), settings.store().shown(settings.db()), settings.packChanges() ? "on" : "off", compileThreads);
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

    /** --db where it is a PostgreSQL URL, --store-poll-ms and --store-codec. */
    StoreSettings store() {
        return new StoreSettings(PostgresUrl.is(db) ? db : null, Duration.ofMillis(storePollMs),
                StoreCodec.of(storeCodec));
    }

    /** Criteria editors' and graders' tokens from the environment (never an option: ps would show it), and --reload. */
    Access access(String editorToken, String graderToken) {
        return new Access(editorToken, graderToken, ReloadMode.of(reload));
    }

    /** --cors-origin, and the metrics token from the environment (an option would show it in ps). */
    Operations operations(String metricsToken) {
        return new Operations(corsOrigins, metricsToken);
    }

    /** The options and the token from the environment, validated: a mistake is named before anything starts. */
    Settings settings(String adminToken) {
        // A PostgreSQL URL leaves the file unused; the default name keeps the record's file check meaningful.
        Path file = Path.of(PostgresUrl.is(db) ? "govgrade.db" : db);
        return new Settings(home.dir, file, host, port, maxBodyMb * 1024L * 1024L, adminToken, watch,
                Settings.DEFAULT_QUIET, compileThreads, batchLimits.limits(), Access.defaults(),
                new Budgets(firingsPerFact, firingFloor, Duration.ofSeconds(gradingSeconds),
                Duration.ofSeconds(compileSeconds), stuckWorkers),
                new ServerLimits(Duration.ofSeconds(idleTimeoutS), minDataRate, maxConnections, maxThreads,
                Duration.ofSeconds(shutdownGraceS)), Operations.defaults(), StoreSettings.defaults(),
                new StartupCaches(packCache, jvmCache, cacheDir),
                new JobSettings(jobWorkers, Duration.ofMillis(jobLeaseMs), Duration.ofMillis(jobPollMs)));
    }
}
