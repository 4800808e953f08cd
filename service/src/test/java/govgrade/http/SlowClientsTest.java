package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Slow and idle clients cannot starve the others: 300 connections sending a byte every 10 s
 * (one in six still in its headers, the rest in a body) while health must answer within 3 s throughout;
 * a body dripping a byte a second is cut off with 408.
 */
@Tag("slow")
class SlowClientsTest extends ServiceOnAPort {
    private static final int SLOW = 300;
    private static final Duration DRIP = Duration.ofSeconds(10);
    private static final Duration WATCH = Duration.ofSeconds(40);

    @Test
    void healthAnswersWithinThreeSecondsWhile300ConnectionsDripAByteEveryTenSeconds() throws Exception {
        service.awaitSynced();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW; i++) {
                Socket s = new Socket("127.0.0.1", service.port());
                // Most in a body: before bodies were read ahead, each of those held one of the 250 threads.
                String start = i % 6 == 0
                        ? "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                        : "POST /api/v1/grade HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 10000\r\n\r\n{";
                s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            long end = System.nanoTime() + WATCH.toNanos();
            long nextDrip = System.nanoTime() + DRIP.toNanos();
            long worst = 0;
            int checks = 0;
            while (System.nanoTime() < end) {
                if (System.nanoTime() >= nextDrip) {
                    drip(slow);
                    nextDrip += DRIP.toNanos();
                }
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                        + "/api/v1/health")).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                long took = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(200, r.statusCode(), r.body());
                worst = Math.max(worst, took);
                checks++;
                Thread.sleep(500);
            }
            assertTrue(worst < 3000, "health took " + worst + " ms");
            System.out.printf("slow clients: %d connections dripping, %d health checks, slowest %d ms%n", SLOW, checks,
                    worst);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aBodyDrippingAByteASecondIsCutOffWith408() throws Exception {
        try (RawHttp raw = new RawHttp(service.port())) {
            raw.send("POST /api/v1/grade HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000\r\n\r\n");
            long t0 = System.nanoTime();
            RawHttp.Answer answer = null;
            for (int i = 0; i < 30 && answer == null; i++) {
                Thread.sleep(1000);
                try {
                    raw.send(" ");
                } catch (IOException closed) {
                    break; // the answer is already waiting
                }
                if (i >= 3) {
                    answer = raw.answer();
                }
            }
            if (answer == null) {
                answer = raw.answer();
            }
            long took = (System.nanoTime() - t0) / 1_000_000;
            ErrorsAsJsonTest.assertJsonError(answer, 408, "request_timeout");
            assertTrue(took < 10_000, "cut off after " + took + " ms");
        }
    }

    @Test
    void headersDrippingAByteASecondAreClosedAtTheHeaderDeadline() throws Exception {
        try (Socket s = new Socket("127.0.0.1", service.port())) {
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            long t0 = System.nanoTime();
            boolean closed = false;
            while (!closed && System.nanoTime() - t0 < Duration.ofSeconds(25).toNanos()) {
                try {
                    out.write('a');
                    out.flush();
                    closed = s.getInputStream().read() < 0;
                } catch (SocketTimeoutException stillOpen) {
                    // read nothing within the second: drip again
                } catch (IOException reset) {
                    closed = true;
                }
            }
            long took = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(closed, "a header dripping a byte a second was never closed");
            assertTrue(took >= JettyLimits.HEADER_DEADLINE.toMillis() - 1000 && took < 15_000, "closed after " + took + " ms");
        }
    }

    private static void drip(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                OutputStream out = s.getOutputStream();
                out.write('a');
                out.flush();
            } catch (IOException closed) {
                // Cut off by the server (a body below the minimum rate): as it should be.
            }
        }
    }
}
