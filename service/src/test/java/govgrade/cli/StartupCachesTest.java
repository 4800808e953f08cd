package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar govgrade.jar serve} as operators start it, three times over one database: the
 * first start compiles and records a class archive, the second maps it and reads the packs back,
 * and a damaged archive and damaged pack files are started over, never a failed start.
 */
@Tag("slow")
class StartupCachesTest {
    private static final String PACK = "shangqiu";

    @Test
    void aSecondStartMapsTheArchiveTheFirstRecordedAndADamagedOneIsStartedOver(@TempDir Path dir) throws Exception {
        Path jar = ShadedJar.fresh();
        Path cache = dir.resolve("g.db" + "." + "cache");
        String first = serveAndGrade(jar, dir, false);
        Path archive = only(cache.resolve("jvm"));
        assertTrue(archive.getFileName().toString().matches("govgrade-[0-9a-f]{16}\\.(jsa|aot)"), archive.toString());
        Path packFile = cache.resolve("packs").resolve(only(cache.resolve("packs"), PACK).getFileName());

        assertEquals(first, serveAndGrade(jar, dir, true));

        Files.write(archive, new byte[] {1, 2, 3});
        Files.write(packFile, new byte[] {4, 5, 6});
        assertEquals(first, serveAndGrade(jar, dir, true));

        assertEquals(first, serveAndGrade(jar, dir, true, true));
    }

    /** The graded results of the pack's fixture, after a start; {@code mapped}: the child maps the archive. */
    private static String serveAndGrade(Path jar, Path dir, boolean mapped) throws Exception {
        return serveAndGrade(jar, dir, mapped, false);
    }

    /** {@code kill}: stopped by SIGKILL, which the launcher cannot pass on: its child must end too. */
    private static String serveAndGrade(Path jar, Path dir, boolean mapped, boolean kill) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(),
                "serve", "--port", Integer.toString(port), "--db", dir.resolve("g.db").toString(), "--home",
                Path.of(".").toAbsolutePath().toString(), "--no-watch");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest grade = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/grade"))
                    .POST(HttpRequest.BodyPublishers.ofFile(Fixtures.batch(PACK))).timeout(Duration.ofSeconds(120))
                    .build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (true) {
                assertTrue(p.isAlive() && System.nanoTime() < deadline, () -> "serve did not answer: " + log(dir));
                try {
                    HttpResponse<String> r = http.send(grade, HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), r.body());
                    boolean maps = p.descendants().anyMatch(c -> c.info().arguments().map(a -> List.of(a).stream()
                            .anyMatch(x -> x.startsWith("-XX:SharedArchiveFile=") || x.startsWith("-XX:AOTCache=")))
                            .orElse(false));
                    assertEquals(mapped, maps, "the child maps the archive");
                    assertTrue(p.descendants().anyMatch(c -> c.info().arguments()
                            .map(a -> List.of(a).contains("-XX:+UseParallelGC")).orElse(false)),
                            "the serving JVM runs the parallel collector (ServeJvm)");
                    return new ObjectMapper().readTree(r.body()).get("results").toString();
                } catch (IOException e) {
                    Thread.sleep(50); // not listening yet
                }
            }
        } finally {
            if (kill) {
                List<ProcessHandle> children = p.descendants().toList();
                p.destroyForcibly();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not die");
                for (ProcessHandle c : children) {
                    // Serving on would hold the port against the restart a supervisor makes next.
                    c.onExit().get(10, TimeUnit.SECONDS);
                }
                assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "a child serves on after kill -9");
            } else {
                p.destroy(); // SIGTERM, as an operator stops it: the archive is written then
                assertTrue(p.waitFor(180, TimeUnit.SECONDS), "serve did not stop");
            }
        }
    }

    private static Path only(Path folder, String... prefix) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.filter(f -> prefix.length == 0 || f.getFileName().toString().startsWith(prefix[0]))
                    .toList();
            assertEquals(1, files.size(), "in " + folder + ": " + files);
            return files.get(0);
        }
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("log.txt"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
