package govgrade.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} in a child JVM (the test classpath, {@link Main}), as an operator runs it: the
 * tests that stop it with SIGTERM or kill it with SIGKILL need a process of its own. The port is
 * read from its log line; its standard error is kept in a file for a failing test to show.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("govgrade listening on [^:]+:(\\d+)");

    private final Process process;
    private final Thread pump;
    private final Path log;
    private final int port;

    private ServeProcess(Process process, Thread pump, Path log, int port) {
        this.process = process;
        this.pump = pump;
        this.log = log;
        this.port = port;
    }

    /** Starts serve on a free loopback port over {@code home} and {@code db}; {@code extra} are more options. */
    static ServeProcess start(Path home, Path db, Path log, String... extra) throws Exception {
        return start(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()), home, db.toString(),
                0, log, Map.of(), extra);
    }

    /**
     * Starts serve from {@code launcher} (what follows the JVM options: {@code -cp PATH MAIN} or
     * {@code -jar JAR}) on {@code onPort} (0: a free one) over {@code db} (a file or a PostgreSQL URL),
     * with {@code env} added to this process's environment (tokens, as an operator gives them).
     */
    static ServeProcess start(List<String> launcher, Path home, String db, int onPort, Path log, Map<String, String> env,
                              String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));
        cmd.addAll(launcher);
        cmd.addAll(List.of("serve", "--host", "127.0.0.1", "--port", Integer.toString(onPort), "--home", home.toString(),
                "--db", db, "--no-watch", "--compile-threads", "1"));
        cmd.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("serve ended before listening"));
        }, "serve-log");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ServeProcess(p, pump, log, port.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("serve did not start:\n" + logText(log), e);
        }
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGTERM, as an operator's stop or a container runtime sends it. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: nothing of the service runs after it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The exit code, waiting at most {@code seconds} (and for its last log lines); null if it still runs. */
    Integer exitWithin(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            return null;
        }
        pump.join(5000);
        return process.exitValue();
    }

    String log() {
        return logText(log);
    }

    private static String logText(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
