package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.Fixtures;
import govgrade.app.Service;
import govgrade.app.Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on a real loopback port over a real SQLite file in a temporary folder, started afresh
 * for each test (the database counts are the test's own) over the compiled packs every test shares;
 * and the checks the HTTP tests make of its answers and its database. A base class rather than a
 * helper the tests hold, because a test restarts the service in place ({@code service.close();
 * service = start(...)}) and reads {@code client} after the restart.
 */
abstract class ServiceOnAPort {

    static final String TOKEN = "test-admin-token";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Service service;
    TestClient client;

    @BeforeEach
    void start() throws Exception {
        service = start(TOKEN, 64 * 1024);
    }

    Service start(String token, long maxBody) throws Exception {
        // The shared cache: each bundled pack version compiles once per test run, not once per test.
        Service s = Service.start(Settings.defaults(Fixtures.HOME, dir.resolve("govgrade.db"))
                .listening("127.0.0.1", 0).withMaxBodyBytes(maxBody).withAdminToken(token).withWatch(false),
                Fixtures.PACKS_CACHE);
        client = new TestClient(s.port());
        return s;
    }

    @AfterEach
    void stop() {
        service.close();
    }

    static String text(org.apache.poi.ss.usermodel.Workbook wb) {
        StringBuilder sb = new StringBuilder();
        org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
        for (org.apache.poi.ss.usermodel.Sheet s : wb) {
            for (org.apache.poi.ss.usermodel.Row row : s) {
                for (org.apache.poi.ss.usermodel.Cell c : row) {
                    sb.append(f.formatCellValue(c)).append('\t');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static void assertError(TestClient.Response r, int status, String code) throws Exception {
        assertEquals(status, r.status(), r.text());
        JsonNode j = r.json();
        assertEquals(code, j.get("error").asText(), r.text());
        assertTrue(j.has("message") && j.has("path"), r.text());
    }

    static JsonNode result(JsonNode run, String id) {
        for (JsonNode r : run.get("results")) {
            if (r.at("/subject/id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no result " + id);
    }

    static int sum(JsonNode counts) {
        int n = 0;
        for (JsonNode c : counts) {
            n += c.asInt();
        }
        return n;
    }

    int count(String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("govgrade.db"));
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }

    static Set<String> toSet(Iterator<String> names) {
        Set<String> set = new HashSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
