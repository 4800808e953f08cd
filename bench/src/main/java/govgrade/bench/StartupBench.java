package govgrade.bench;

import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.packs.catalog.PackCache;
import govgrade.packs.catalog.PackHome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pack compile time in a fresh JVM and from the cache, and launch to first graded response:
 * {@code java -jar govgrade.jar serve} started as a child process, polled on 127.0.0.1 until
 * it grades a batch of every bundled pack, then stopped with SIGTERM.
 */
final class StartupBench {
    private static final Pattern COMPILE = Pattern.compile("compileMillis=(\\d+) sinceStartMillis=(\\d+)");

    private final Path home;
    private final Path work;
    private final Report report;

    StartupBench(Path home, Path work, Report report) {
        this.home = home;
        this.work = work;
        this.report = report;
    }

    void compile(String pack, int times, List<String> jvm, String label) throws Exception {
        report.section("Pack compile: " + pack + label);
        Samples compile = new Samples();
        Samples launch = new Samples();
        for (int i = 0; i < times; i++) {
            Path out = work.resolve("compile-out.txt");
            Child.Result r = Child.run(Child.mainCommand(jvm, CompileOnce.class.getName(), home.toString(), pack), out,
                    work.resolve("compile-err.txt"), 120);
            Matcher m = COMPILE.matcher(Files.readString(out));
            if (r.exitCode() != 0 || !m.find()) {
                throw new IllegalStateException("compile child exited " + r.exitCode() + ": "
                        + Files.readString(work.resolve("compile-err.txt")));
            }
            compile.add(Long.parseLong(m.group(1)) * 1_000_000, new Memory.Peaks(-1, r.peakRssBytes()));
            launch.add(r.nanos(), new Memory.Peaks(-1, -1));
        }
        report.add("compile, fresh JVM (the compile call)" + label, Report.seconds(compile.medianSeconds()),
                "target <= 3 s; " + compile.spread());
        report.add("  JVM launch to compiled pack, process wall" + label, Report.seconds(launch.medianSeconds()),
                launch.spread());
        if (!jvm.isEmpty()) {
            return; // the cached figures do not depend on how the JVM started
        }

        PackCache cache = new PackCache();
        PackHome registry = new PackHome(home, cache);
        registry.load(pack);
        Samples cached = new Samples();
        for (int i = 0; i < 200; i++) {
            long t0 = System.nanoTime();
            registry.load(pack);
            cached.add(System.nanoTime() - t0, new Memory.Peaks(-1, -1));
        }
        report.add("compile, cached version (files read and hashed)", Report.millis(cached.median() / 1e6),
                "target <= 5 ms; PackHome.load, 200 calls");
        Path db = work.resolve("catalog-bench.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        // Started as serve starts it (on a free loopback port, no reload), over the cache warmed above.
        Settings settings = Settings.defaults(home, db).listening("127.0.0.1", 0).withWatch(false);
        try (Service service = Service.start(settings, cache)) {
            service.awaitSynced();
            Samples active = new Samples();
            for (int i = 0; i < 200; i++) {
                long t0 = System.nanoTime();
                service.catalog().active(pack);
                active.add(System.nanoTime() - t0, new Memory.Peaks(-1, -1));
            }
            report.add("service: active version per request (PackCatalog.active)", Report.millis(active.median() / 1e6),
                    "200 calls");
        }
    }

    /** {@code batches}: one batch per pack to post, the first being the one timed alone. */
    void launch(List<byte[]> batches, int times, List<String> jvm, String label) throws Exception {
        report.section("Launch to first graded response: java -jar govgrade.jar serve" + label + ", " + times
                + " launches");
        Samples first = new Samples();
        Samples all = new Samples();
        for (int i = 0; i < times; i++) {
            // Start-up caches off: this figure is the JVM flags' alone (see launches for the caches).
            long[] t = once(batches, java(), jvm, Child.productJar(), List.of("--no-pack-cache", "--no-jvm-cache"));
            first.add(t[0], new Memory.Peaks(-1, -1));
            all.add(t[1], new Memory.Peaks(-1, -1));
        }
        report.add("launch to first graded response" + label, Report.seconds(first.medianSeconds()), first.spread());
        report.add("launch to a graded response from each of " + batches.size() + " packs" + label,
                Report.seconds(all.medianSeconds()), "target <= 2 s; " + all.spread());
    }

    /**
     * Launch to first graded response and to one from every pack, on each JDK in {@code javas}: this
     * jar's first start (a new database, an empty cache folder: packs compiled and gated, the class
     * archive recorded) and its second (a restart over both), and {@code otherJar}'s (null: none)
     * first and second start, in the same rounds.
     */
    void launches(List<byte[]> batches, int times, List<String> javas, Path otherJar) throws Exception {
        Path jar = Child.productJar();
        Path cache = work.resolve("startup-cache");
        for (String java : javas) {
            String jdk = ", JDK " + jdkVersion(java);
            report.section("Launch with start-up caches: java -jar govgrade.jar serve" + jdk + ", " + times
                    + " rounds");
            Samples[] mine = {new Samples(), new Samples(), new Samples(), new Samples()};
            Samples[] other = {new Samples(), new Samples(), new Samples(), new Samples()};
            for (int i = 0; i < times; i++) {
                deleteTree(cache);
                List<String> args = List.of("--cache-dir", cache.toString());
                // The second start is a restart: the same database and cache folder, as an operator's.
                long[] cold = once(batches, java, List.of(), jar, args, false);
                long[] warm = once(batches, java, List.of(), jar, args, true);
                long[][] all = {cold, warm};
                for (int k = 0; k < 4; k++) {
                    mine[k].add(all[k / 2][k % 2], new Memory.Peaks(-1, -1));
                }
                if (otherJar != null) {
                    deleteTree(work.resolve("startup-bench.db.cache")); // the other jar's own caches, beside its database
                    long[][] theirs = {once(batches, java, List.of(), otherJar, List.of(), false),
                        once(batches, java, List.of(), otherJar, List.of(), true)};
                    for (int k = 0; k < 4; k++) {
                        other[k].add(theirs[k / 2][k % 2], new Memory.Peaks(-1, -1));
                    }
                }
            }
            String each = "a graded response from each of " + batches.size() + " packs";
            String[] names = {"first graded response, first start (no caches)" + jdk, each + ", first start" + jdk,
                "first graded response, second start (caches made)" + jdk, each + ", second start" + jdk};
            for (int k = 0; k < 4; k++) {
                report.add("launch to " + names[k], Report.seconds(mine[k].medianSeconds()), "target <= 2 s; "
                        + mine[k].spread());
            }
            if (otherJar != null) {
                String before = ", " + otherJar + jdk;
                for (int k = 0; k < 4; k++) {
                    String name = (k % 2 == 0 ? "first graded response" : each) + (k < 2 ? ", first start" : ", second start");
                    report.add("launch to " + name + before, Report.seconds(other[k].medianSeconds()), other[k].spread());
                }
            }
        }
    }

    /** The JVM this bench runs on, and JDK 25 beside it when the machine has one. */
    static List<String> javas(Path jdk25) {
        List<String> javas = new ArrayList<>(List.of(java()));
        Path other = jdk25 == null ? null : jdk25.resolve("bin").resolve("java");
        if (other != null && Files.isExecutable(other) && !other.toString().equals(java())) {
            javas.add(other.toString());
        }
        return javas;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String jdkVersion(String java) {
        Path release = Path.of(java).toAbsolutePath().getParent().getParent().resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring("JAVA_VERSION=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // A JDK without its release file: named by its path instead.
        }
        return java.equals(java()) ? System.getProperty("java.version") : java;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /**
     * An AppCDS archive of the classes a service loads from launch to grading every pack, made
     * once by a training launch (-XX:ArchiveClassesAtExit, written when SIGTERM stops it).
     */
    Path cdsArchive(List<byte[]> batches) throws Exception {
        Path archive = work.resolve("govgrade-serve.jsa");
        if (!Files.isRegularFile(archive)) {
            once(batches, java(), List.of("-XX:ArchiveClassesAtExit=" + archive), Child.productJar(),
                    List.of("--no-pack-cache", "--no-jvm-cache"));
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no AppCDS archive was written; see " + work.resolve("startup-log.txt"));
        }
        return archive;
    }

    private long[] once(List<byte[]> batches, String java, List<String> jvm, Path jar, List<String> serveArgs)
            throws Exception {
        return once(batches, java, jvm, jar, serveArgs, false);
    }

    /** {@code restart}: over the database the start before left, as a restart is; else a new database. */
    private long[] once(List<byte[]> batches, String java, List<String> jvm, Path jar, List<String> serveArgs,
                        boolean restart) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path db = work.resolve("startup-bench.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            if (!restart) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--db", db.toString(), "--home", home.toString()));
        cmd.addAll(serveArgs);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI grade = URI.create("http://127.0.0.1:" + port + "/api/v1/grade");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("startup-log.txt").toFile()).start();
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
            long first = -1;
            List<byte[]> todo = new ArrayList<>(batches);
            while (!todo.isEmpty()) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    throw new IllegalStateException("the service did not answer; see " + work.resolve("startup-log.txt"));
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(grade).timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(todo.get(0))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("grade answered " + r.statusCode() + ": " + r.body());
                    }
                    todo.remove(0);
                    if (first < 0) {
                        first = System.nanoTime() - t0;
                    }
                } catch (IOException e) {
                    // Not listening yet (connection refused); the deadline bounds the wait.
                    Thread.sleep(10);
                }
            }
            return new long[] {first, System.nanoTime() - t0};
        } finally {
            p.destroy(); // SIGTERM: the shutdown hook closes the database; a first start then writes its archive
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
