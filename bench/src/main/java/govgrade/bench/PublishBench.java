package govgrade.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a publish on one instance takes to grade on another: a draft of shangqiu (a rule that
 * never fires added, so a new version each time) sent to the first, a pause as a reviewer's, the
 * publish there, then the second graded in a loop until its answers name the new version. Before
 * drafts were compiled on every instance as they were stored, the second compiled on the
 * activation; now it only switches.
 */
final class PublishBench {
    static final String TOKEN = "bench-admin-token";
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");
    private static final int ROUNDS = 3;
    private static final Duration PAUSE = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Publishes on {@code from}, times grading with it on {@code to}; one report line. */
    void run(Path home, int from, int to, Report report) throws Exception {
        byte[] batch = Files.readAllBytes(home.resolve("fixtures/shangqiu/shangqiu.json"));
        String drl = Files.readString(home.resolve("rules-drl/shangqiu/shangqiu.drl"));
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String rule = "\nrule \"bench: publish " + System.nanoTime() + "\"\nwhen\n    eval(false)\nthen\nend\n";
            HttpResponse<String> draft = upload(from, "shangqiu.drl", (drl + rule).getBytes(StandardCharsets.UTF_8));
            if (draft.statusCode() / 100 != 2) {
                throw new IllegalStateException("draft refused: " + draft.statusCode() + " " + draft.body());
            }
            String version = version(draft.body());
            Thread.sleep(PAUSE.toMillis());
            HttpResponse<String> published = send(from, "/api/v1/packs/shangqiu/versions/" + version + "/publish",
                    HttpRequest.BodyPublishers.noBody(), "application/json");
            if (published.statusCode() != 200) {
                throw new IllegalStateException("publish refused: " + published.statusCode() + " " + published.body());
            }
            long t0 = System.nanoTime();
            while (!version.equals(version(send(to, "/api/v1/grade", HttpRequest.BodyPublishers.ofByteArray(batch),
                    "application/json").body()))) {
                if (System.nanoTime() - t0 > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("version " + version + " not graded on the other instance in 30 s");
                }
                Thread.sleep(20);
            }
            millis.add((System.nanoTime() - t0) / 1_000_000);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        report.add("instances: publish on one, graded with it on the other", sorted.get(sorted.size() / 2) + " ms median",
                String.format(Locale.ROOT, "%d publishes of a shangqiu draft, %d s after the draft was stored: %s ms",
                        ROUNDS, PAUSE.toSeconds(), millis));
    }

    private static String version(String json) {
        Matcher m = VERSION.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no version in " + json);
        }
        return m.group(1);
    }

    private HttpResponse<String> upload(int port, String name, byte[] content) throws Exception {
        String boundary = "----govgrade-bench-" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(port, "/api/v1/packs/shangqiu/drafts", HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()),
                "multipart/form-data; boundary=" + boundary);
    }

    private HttpResponse<String> send(int port, String path, HttpRequest.BodyPublisher body, String type)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).POST(body)
                .header("Content-Type", type).header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
