package govgrade.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java [jvm options] -jar JAR serve} on a free loopback port, as an operator starts it:
 * the jar given (another build's, for a before/after in one run) or the product's own. Its output
 * goes to a log file, so the service's request log costs what it costs when a file takes it.
 */
final class ServeChild implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServeChild(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Started and answering its health check. {@code jar}: null for the product's jar
     * ({@link Child#productJar}); {@code db}: a SQLite file or a PostgreSQL URL.
     */
    static ServeChild start(Path jar, List<String> jvmOptions, Path home, String db, Path log) throws Exception {
        return start(jar, jvmOptions, home, db, log, Map.of());
    }

    /** The same, with these variables added to its environment (tokens, as deploy.md keeps them). */
    static ServeChild start(Path jar, List<String> jvmOptions, Path home, String db, Path log,
            Map<String, String> environment) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add((jar == null ? Child.productJar() : jar).toString());
        cmd.addAll(List.of("serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--home",
                home.toString(), "--db", db, "--no-watch"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        Process p = pb.start();
        ServeChild child = new ServeChild(p, port);
        try {
            child.awaitHealthy(log);
        } catch (Exception e) {
            child.close();
            throw e;
        }
        return child;
    }

    int port() {
        return port;
    }

    /** CPU time the child and its own children have taken so far (all threads: service, GC, JIT), in nanoseconds. */
    long cpuNanos() {
        // serve may start itself again with a class archive: the JVM that serves is then a child of this one.
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) + process.descendants()
                .mapToLong(h -> h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private void awaitHealthy(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/health")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("serve on port " + port + " did not become healthy; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops it as an operator would (SIGTERM: the shutdown hook closes the store) and waits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
