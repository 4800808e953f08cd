package govgrade.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL for tests: the server at {@code GOVGRADE_TEST_PG_URL} (a JDBC URL of a user who may
 * create databases), or else a throwaway cluster made with this machine's initdb and pg_ctl
 * (Debian's {@code postgresql} package) on a free loopback port, stopped when the JVM ends. Each
 * call to {@link #newDatabase()} gives an empty database of its own. Where there is none, a test
 * is skipped with the reason, unless {@code GOVGRADE_TEST_PG=required} (CI) makes that a failure.
 */
public final class TestPostgres {
    /** Names the server to use instead of starting one. */
    public static final String URL_VARIABLE = "GOVGRADE_TEST_PG_URL";
    /** {@code required}: a missing PostgreSQL fails the test instead of skipping it. */
    public static final String REQUIRED_VARIABLE = "GOVGRADE_TEST_PG";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String admin;
    private static String absent;

    private TestPostgres() {
    }

    /** The JDBC URL of a new, empty database; skips (or, where required, fails) the test without PostgreSQL. */
    public static synchronized String newDatabase() {
        if (admin == null && absent == null) {
            try {
                admin = start();
            } catch (IOException | InterruptedException | SQLException | RuntimeException e) {
                absent = e.getMessage();
            }
        }
        if (absent != null) {
            String why = "no PostgreSQL for the store tests: " + absent + " (install Debian's postgresql package, or set "
                    + URL_VARIABLE + ")";
            if ("required".equals(System.getenv(REQUIRED_VARIABLE))) {
                fail(why + "; " + REQUIRED_VARIABLE + "=required");
            }
            Assumptions.abort(why);
        }
        String name = "govgrade_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin + ": " + e.getMessage(), e);
        }
        return admin.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    private static String start() throws IOException, InterruptedException, SQLException {
        String given = System.getenv(URL_VARIABLE);
        if (given != null && !given.isBlank()) {
            DriverManager.getConnection(given).close();
            return given;
        }
        Path bin = binaries();
        Path dir = Files.createTempDirectory("govgrade-pg-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // initdb refuses to run as root: the cluster belongs to Debian's postgres user.
            run(List.of("chown", "postgres", dir.toString()), dir);
        }
        Path data = dir.resolve("data");
        run(asOwner(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync"), dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(asOwner(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(asOwner(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), dir);
                try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } catch (IOException | InterruptedException | RuntimeException ignored) {
                // The JVM is going; a cluster left in /tmp is harmless.
            }
        }));
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    private static Path binaries() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            throw new IOException("no " + lib);
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> b.getParent().getFileName().toString(),
                            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())))
                    .orElseThrow(() -> new IOException("no initdb under " + lib + "/*/bin"));
        }
    }

    private static List<String> asOwner(boolean root, String... command) {
        List<String> out = new ArrayList<>();
        if (root) {
            out.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        out.addAll(List.of(command));
        return out;
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("commands.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            String tail = Files.exists(log) ? Files.readString(log) : "";
            throw new IOException(String.join(" ", command) + " failed: "
                    + tail.substring(Math.max(0, tail.length() - 400)).strip());
        }
    }
}
