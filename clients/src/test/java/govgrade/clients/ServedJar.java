package govgrade.clients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaded jar serving on a free loopback port, started as an operator starts it (tokens from
 * the environment), over the bundled packs and a database of its own. A process rather than the
 * service in this JVM: a generated client's okhttp, gson and Kotlin stay apart from the server's
 * Jetty and Jackson, so nothing but HTTP joins them.
 */
final class ServedJar implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("govgrade listening on [^:]+:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ServedJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** {@code home} holds the packs (the project's root folder); {@code env} adds GOVGRADE_* variables. */
    static ServedJar start(Path home, Path dir, Map<String, String> env) throws Exception {
        Path jar = home.resolve("target/govgrade.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar.toAbsolutePath() + " is missing: the service module's package phase builds it");
        }
        Path log = dir.resolve("serve.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dfile.encoding=UTF-8", "-jar", jar.toString(), "serve",
                "--host", "127.0.0.1", "--port", "0", "--home", home.toString(),
                "--db", dir.resolve("govgrade.db").toString(), "--no-watch"))
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GOVGRADE_"));
        pb.environment().putAll(env);
        Process p = pb.start();
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
        }, "served-jar-log");
        pump.setDaemon(true);
        pump.start();
        try {
            // Every bundled pack compiles and passes its fixture gate before the port opens.
            return new ServedJar(p, log, port.get(180, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("serve did not start:\n" + logText(log), e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
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
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
