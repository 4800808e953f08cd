package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM lets requests in flight finish: a stop during five slow uploads loses none of their answers. */
@Tag("slow")
class GracefulStopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 5;

    @TempDir
    Path dir;

    @Test
    void sigtermDuringFiveSlowLargeUploadsAnswersAllFiveInFull() throws Exception {
        Path home = PackCopy.copy("meixian", dir.resolve("home"));
        byte[] batch = largeBatch(60);
        try (ServeProcess serve = ServeProcess.start(home, dir.resolve("g.db"), dir.resolve("serve.log"))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // Warm the pack first: the stop must race the uploads, not the first compile.
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(serve.base() + "/api/v1/grade"))
                    .POST(HttpRequest.BodyPublishers.ofFile(Fixtures.batch("meixian"))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), serve::log);
            List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                // About 4 s per upload, far above the minimum rate: slow, not hostile.
                answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(serve.base() + "/api/v1/grade"))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Dripping(batch, 64 * 1024, 120))).build(),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            Thread.sleep(1500);
            assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "the uploads finished before the stop");
            serve.terminate();
            for (CompletableFuture<HttpResponse<byte[]>> a : answers) {
                HttpResponse<byte[]> r = a.get();
                assertEquals(200, r.statusCode(), () -> new String(r.body()) + serve.log());
                JsonNode run;
                try {
                    run = JSON.readTree(r.body());
                } catch (IOException e) {
                    throw new AssertionError("a reply cut at " + r.body().length + " bytes\n" + serve.log(), e);
                }
                assertEquals(60 * 9, countAccounts(run), "a reply cut short");
                assertFalse(run.get("run").asText().isEmpty());
            }
            // 143 = 128 + SIGTERM: how every JVM ends on the signal once its shutdown hooks have run.
            assertEquals(143, serve.exitWithin(30), serve::log);
            assertFalse(Files.exists(dir.resolve("g.db-wal")), "the database was not closed");
        }
    }

    /** meixian's circular with each account repeated {@code copies} times under new names: about 2 MB. */
    static byte[] largeBatch(int copies) throws IOException {
        ObjectNode batch = (ObjectNode) JSON.readTree(Fixtures.batch("meixian").toFile());
        ArrayNode accounts = (ArrayNode) batch.get("accounts");
        ArrayNode many = JSON.createArrayNode();
        for (int c = 0; c < copies; c++) {
            for (JsonNode a : accounts) {
                ObjectNode copy = a.deepCopy();
                copy.put("name", a.get("name").asText() + "-" + c);
                if (a.has("id")) {
                    copy.put("id", a.get("id").asText() + "-" + c);
                }
                many.add(copy);
            }
        }
        batch.set("accounts", many);
        return JSON.writeValueAsBytes(batch);
    }

    private static long countAccounts(JsonNode run) {
        List<String> seen = new ArrayList<>();
        for (JsonNode r : run.get("results")) {
            if (r.at("/subject/type").asText().equals("account") && r.get("channel").asText().equals("new-media")) {
                seen.add(r.at("/subject/name").asText());
            }
        }
        return seen.size();
    }

    /** A body handed over a chunk at a time with a pause between: a slow line, not a slow attacker. */
    static final class Dripping extends FilterInputStream {
        private final int chunk;
        private final long pauseMillis;

        Dripping(byte[] body, int chunk, long pauseMillis) {
            super(new ByteArrayInputStream(body));
            this.chunk = chunk;
            this.pauseMillis = pauseMillis;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
