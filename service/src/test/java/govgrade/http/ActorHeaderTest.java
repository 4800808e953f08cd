package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The person named in X-Actor is stored as sent: raw UTF-8, or RFC 8187's UTF-8''%XX for ASCII-only clients. */
class ActorHeaderTest extends ServiceOnAPort {

    private RawHttp.Answer publishAs(byte[] actorHeaderLine) throws Exception {
        service.awaitSynced();
        String version = client.get("/api/v1/packs/shangnan").json().get("version").asText();
        try (RawHttp raw = new RawHttp(service.port())) {
            raw.send("POST /api/v1/packs/shangnan/versions/" + version + "/publish HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Length: 0\r\n");
            raw.send(actorHeaderLine);
            return raw.send("\r\n").answer();
        }
    }

    private String publishedBy() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("govgrade.db"));
             PreparedStatement s = c.prepareStatement("SELECT published_by FROM pack_versions WHERE pack = 'shangnan' "
                     + "AND published_by IS NOT NULL")) {
            ResultSet r = s.executeQuery();
            return r.next() ? r.getString(1) : null;
        }
    }

    @Test
    void aNameSentAsUtf8BytesIsStoredAsSent() throws Exception {
        RawHttp.Answer a = publishAs("X-Actor: 张三\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, a.status(), a.text());
        assertEquals("张三", publishedBy());
    }

    @Test
    void aNamePercentEncodedAsRfc8187SaysIsStoredDecoded() throws Exception {
        RawHttp.Answer a = publishAs("X-Actor: UTF-8''%E5%BC%A0%E4%B8%89\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, a.status(), a.text());
        assertEquals("张三", publishedBy());
    }

    @Test
    void latin1BytesThatAreNotUtf8AreKeptAsRead() throws Exception {
        RawHttp.Answer a = publishAs("X-Actor: Jos\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(200, a.status(), a.text());
        assertEquals("José", publishedBy());
    }

    @Test
    void aBrokenEscapeIs400NamingTheHeader() throws Exception {
        service.awaitSynced();
        String before = publishedBy();
        RawHttp.Answer a = publishAs("X-Actor: UTF-8''%E5%BC\r\n".getBytes(StandardCharsets.US_ASCII));
        ErrorsAsJsonTest.assertJsonError(a, 400, "invalid_header");
        assertEquals("X-Actor", a.json().get("path").asText());
        assertEquals(before, publishedBy(), "a refused publish was recorded");
    }
}
