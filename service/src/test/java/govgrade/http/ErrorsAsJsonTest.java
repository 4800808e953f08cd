package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every answer is JSON in the one error shape, also where Jetty answers before a route sees the
 * request (too long, malformed, a bad chunk, an unknown version, too slow), and where the
 * service itself fails (a 500 whose id finds the log line).
 */
class ErrorsAsJsonTest extends ServiceOnAPort {

    private static final String HOST = "Host: 127.0.0.1\r\nConnection: close\r\n";

    private RawHttp.Answer raw(String request) throws Exception {
        return RawHttp.exchange(service.port(), request);
    }

    static void assertJsonError(RawHttp.Answer a, int status, String code) throws Exception {
        assertEquals(status, a.status(), a.text());
        assertTrue(a.head().toLowerCase().contains("content-type: application/json"), a.text());
        JsonNode j = a.json();
        assertEquals(code, j.get("error").asText(), a.text());
        assertTrue(j.has("message") && j.has("path"), a.text());
    }

    @Nested
    class WhatJettyRefuses {
        @Test
        void aUriTooLongIs414() throws Exception {
            assertJsonError(raw("GET /api/v1/health?q=" + "a".repeat(20_000) + " HTTP/1.1\r\n" + HOST + "\r\n"), 414,
                    "uri_too_long");
        }

        @Test
        void headersTooLargeAre431() throws Exception {
            assertJsonError(raw("GET /api/v1/health HTTP/1.1\r\n" + HOST + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n"),
                    431, "headers_too_large");
        }

        @Test
        void aMalformedHeaderLineIs400() throws Exception {
            RawHttp.Answer a = raw("GET /api/v1/health HTTP/1.1\r\n" + HOST + "Bad Header\r\n\r\n");
            assertJsonError(a, 400, "bad_request");
            assertTrue(a.json().get("message").asText().contains("Illegal character"), a.text());
        }

        @Test
        void aBadChunkSizeIs400NotA500() throws Exception {
            assertJsonError(raw("POST /api/v1/grade HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"), 400, "bad_request");
        }

        @Test
        void anUnknownHttpVersionIs505() throws Exception {
            assertJsonError(raw("GET /api/v1/health HTTP/9.9\r\n" + HOST + "\r\n"), 505, "http_version_not_supported");
        }

        @Test
        void aBodyThatStallsBelowTheMinimumRateIs408() throws Exception {
            try (RawHttp slow = new RawHttp(service.port())) {
                slow.send("POST /api/v1/grade HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"pack\":");
                Thread.sleep(2600); // past the grace, with 8 of 1000 bytes sent
                RawHttp.Answer a = slow.send(" ").answer();
                assertJsonError(a, 408, "request_timeout");
                assertTrue(a.json().get("message").asText().contains("--min-data-rate"), a.text());
            }
            assertEquals(0, count("batches"));
        }
    }

    @Test
    void aMultipartBodyWithAnotherBoundaryIs400() throws Exception {
        String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangnan"))).json().get("run")
                .asText();
        String body = "--BBB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nxxxx\r\n--BBB--\r\n";
        RawHttp.Answer a = raw("POST /api/v1/runs/" + run + "/reconcile HTTP/1.1\r\n" + HOST
                + "Content-Type: multipart/form-data; boundary=AAA\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertJsonError(a, 400, "invalid_multipart");
        assertTrue(a.json().get("message").asText().contains("boundary"), a.text());
    }

    @Test
    void aFailureOfTheServiceIs500WithAnIdThatFindsItsLogLine() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("govgrade.db"))) {
            c.createStatement().execute("DROP TABLE results");
            c.createStatement().execute("DROP TABLE runs");
        }
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        TestClient.Response r;
        try {
            r = client.get("/api/v1/runs/some-run");
        } finally {
            System.setErr(err);
        }
        assertError(r, 500, "internal_error");
        String id = r.json().get("id").asText();
        assertTrue(id.matches("[0-9a-f]{12}"), r.text());
        assertTrue(r.json().get("message").asText().contains(id), r.text());
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("error " + id + ": GET /api/v1/runs/some-run failed") && logged.contains("SQL"),
                logged);
        assertTrue(!r.text().contains("SQL"), "the answer names the failure: " + r.text());
    }
}
