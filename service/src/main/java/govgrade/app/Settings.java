package govgrade.app;

import govgrade.facts.BatchLimits;
import govgrade.http.ServerLimits;
import govgrade.packs.Budgets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a running service is configured with, validated once here and then fixed: the
 * rest of the service reads its settings from this record and nowhere else.
 *
 * @param home           the folder holding rules-drl/, decision-tables/ and fixtures/
 * @param db             the SQLite file (created when missing)
 * @param host           the address to listen on
 * @param port           the port, 0 for any free one (tests)
 * @param maxBodyBytes   the largest request body; larger ones are answered 413
 * @param adminToken     the rule author's token, which guards changing packs over HTTP; null or blank: changes off
 * @param watch          reload packs when their files change on disk
 * @param quiet          how long a pack folder must be still before a change is read
 * @param compileThreads how many packs compile at once at start-up
 * @param batchLimits    how much one batch may hold (period length, accounts, posts, string lengths ...)
 * @param access         criteria editors' and graders' tokens, and how edits on disk are taken
 * @param budgets        how much work a pack's rules may do per grading and per compile
 * @param server         what one client may hold of the server (connections, threads, slow bodies) and how long a stop waits for requests in flight
 * @param operations     what an operator watching the service sets: CORS origins, the metrics token
 * @param store          a PostgreSQL store instead of the SQLite file, and how often the active versions are read back
 * @param startup        what a start reuses from the one before (compiled packs) and where it keeps it
 * @param jobs           how many job items this instance works on at once, and their lease
 */
public record Settings(Path home, Path db, String host, int port, long maxBodyBytes, String adminToken,
                       boolean watch, Duration quiet, int compileThreads,
                       BatchLimits batchLimits, Access access, Budgets budgets, ServerLimits server,
                       Operations operations, StoreSettings store, StartupCaches startup,
                       JobSettings jobs) {
    /** Where a service listens unless told otherwise. */
    public static final int DEFAULT_PORT = 7070;
    public static final long DEFAULT_MAX_BODY_BYTES = 32L << 20;
    /** Editors save in bursts (a temporary file, a rename, a second write): wait for the last. */
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(300);
    /** The environment variable that carries the admin token; an option would show it in ps. */
    public static final String TOKEN_VARIABLE = "GOVGRADE_ADMIN_TOKEN";
    /** Below this a body limit refuses even a one-unit batch, which is a mistake, not a policy. */
    static final long MIN_BODY_BYTES = 1024;

    public Settings {
        require(home != null, "home: a folder holding rules-drl/ and decision-tables/ is required");
        require(Files.isDirectory(home), "home: " + home.toAbsolutePath().normalize()
                + " is not a folder; give --home the folder holding rules-drl/ and decision-tables/");
        require(db != null, "db: a database file is required (--db PATH)");
        require(!Files.isDirectory(db), "db: " + db + " is a folder; give --db a file name such as govgrade.db");
        require(host != null && !host.isBlank(), "host: an address to listen on is required, such as 0.0.0.0");
        require(port >= 0 && port <= 65535, "port " + port + " is not 0-65535");
        require(maxBodyBytes >= MIN_BODY_BYTES, "a body limit of " + maxBodyBytes + " bytes is too small (at least "
                + MIN_BODY_BYTES + " bytes; --max-body-mb takes megabytes)");
        require(quiet != null && !quiet.isNegative(), "quiet time: " + quiet + " must be zero or more");
        require(compileThreads >= 1, "compile threads: " + compileThreads + " must be at least 1");
        require(batchLimits != null, "batch limits are required (BatchLimits.DEFAULTS)");
        require(access != null, "access: tokens and reload mode are required (Access.defaults())");
        require(budgets != null, "budgets: the bounds of rule evaluation are required (Budgets.DEFAULTS)");
        require(server != null, "server limits are required (ServerLimits.defaults())");
        require(operations != null, "operations are required (Operations.defaults())");
        require(store != null, "store settings are required (StoreSettings.defaults())");
        require(startup != null, "start-up caches are required (StartupCaches.defaults())");
        require(jobs != null, "job settings are required (JobSettings.defaults())");
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
    }

    /**
     * The defaults serve starts with, over {@code home} and {@code db}: loopback (this machine only)
     * on port 7070, a 32 MB body limit, no admin token, hot reload on, one pack compiling per core, and
     * the default limits, tokens and budgets of each part.
     */
    public static Settings defaults(Path home, Path db) {
        return new Settings(home, db, "127.0.0.1", DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, null, true, DEFAULT_QUIET,
                everyCore(), BatchLimits.DEFAULTS, Access.defaults(), Budgets.DEFAULTS, ServerLimits.defaults(),
                Operations.defaults(), StoreSettings.defaults(), StartupCaches.defaults(),
                JobSettings.defaults());
    }

    /** Compiling the packs is most of a cold start and each pack compiles alone: every core helps. */
    public static int everyCore() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The published circulars the pack tests compare a draft with. */
    public Path fixtures() {
        return home.resolve("fixtures");
    }

    /** Whether packs may be changed over HTTP (by rule authors or criteria editors). */
    public boolean packChanges() {
        return adminToken != null || access.editorToken() != null;
    }

    public Settings listening(String host, int port) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, watch, quiet, compileThreads,
                batchLimits, access, budgets, server, operations, store, startup, jobs);
    }

    public Settings withMaxBodyBytes(long max) {
        return new Settings(home, db, host, port, max, adminToken, watch, quiet, compileThreads,
                batchLimits, access, budgets, server, operations, store, startup, jobs);
    }

    public Settings withAdminToken(String token) {
        return new Settings(home, db, host, port, maxBodyBytes, token, watch, quiet, compileThreads,
                batchLimits, access, budgets, server, operations, store, startup, jobs);
    }

    public Settings withWatch(boolean on) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, on, quiet, compileThreads,
                batchLimits, access, budgets, server, operations, store, startup, jobs);
    }

    public Settings withCompileThreads(int threads) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, watch, quiet, threads,
                batchLimits, access, budgets, server, operations, store, startup, jobs);
    }

    public Settings withBatchLimits(BatchLimits value) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, watch, quiet, compileThreads,
                value, access, budgets, server, operations, store, startup, jobs);
    }

    public Settings withAccess(Access value) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, watch, quiet, compileThreads,
                batchLimits, value, budgets, server, operations, store, startup, jobs);
    }

    public Settings withBudgets(Budgets value) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, watch, quiet, compileThreads,
                batchLimits, access, value, server, operations, store, startup, jobs);
    }

    public Settings withServer(ServerLimits value) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, watch, quiet, compileThreads,
                batchLimits, access, budgets, value, operations, store, startup, jobs);
    }

    public Settings withOperations(Operations value) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, watch, quiet, compileThreads,
                batchLimits, access, budgets, server, value, store, startup, jobs);
    }

    public Settings withStore(StoreSettings value) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, watch, quiet, compileThreads,
                batchLimits, access, budgets, server, operations, value, startup, jobs);
    }

    public Settings withStartup(StartupCaches value) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, watch, quiet, compileThreads,
                batchLimits, access, budgets, server, operations, store, value, jobs);
    }

    public Settings withJobs(JobSettings value) {
        return new Settings(home, db, host, port, maxBodyBytes, adminToken, watch, quiet, compileThreads,
                batchLimits, access, budgets, server, operations, store, startup, value);
    }

    /** The token is a secret: it never reaches a log line through this record. */
    @Override
    public String toString() {
        return "Settings[home=" + home + ", db=" + db + ", host=" + host + ", port=" + port + ", maxBodyBytes="
                + maxBodyBytes + ", adminToken=" + (adminToken == null ? "none" : "set") + ", watch=" + watch
                + ", quiet=" + quiet + ", compileThreads=" + compileThreads
                + ", batchLimits=" + batchLimits
                + ", access=" + access
                + ", budgets=" + budgets
                + ", server=" + server
                + ", operations=" + operations
                + ", store=" + store
                + ", startup=" + startup
                + ", jobs=" + jobs + "]";
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
