package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.app.Operations;
import govgrade.app.Service;
import govgrade.app.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dashboard on another origin: allowed origins only, preflight answered, never credentials. */
class CorsTest extends ServiceOnAPort {
    private static final String DASHBOARD = "https://dash.example.org";

    private void restartAllowing(List<String> origins) throws Exception {
        service.close();
        service = Service.start(Settings.defaults(Fixtures.HOME, dir.resolve("cors.db")).listening("127.0.0.1", 0)
                .withAdminToken(TOKEN).withWatch(false).withOperations(new Operations(origins, null)),
                Fixtures.PACKS_CACHE);
        client = new TestClient(service.port());
    }

    private static String header(TestClient.Response r, String name) {
        List<String> v = r.headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null ? null : v.get(0);
    }

    @Test
    void byDefaultNoOriginIsAllowed() throws Exception {
        TestClient.Response r = client.request("GET", "/api/v1/health", "Origin", DASHBOARD);
        assertEquals(200, r.status());
        assertNull(header(r, "Access-Control-Allow-Origin"), r.headers().toString());
    }

    @Test
    void anAllowedOriginGetsItsPreflightAnsweredAndOthersNothing() throws Exception {
        restartAllowing(List.of(DASHBOARD, "http://localhost:3000"));
        TestClient.Response pre = client.request("OPTIONS", "/api/v1/runs", "Origin", DASHBOARD,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertTrue(pre.status() == 200 || pre.status() == 204, pre.status() + " " + pre.text());
        assertEquals(DASHBOARD, header(pre, "Access-Control-Allow-Origin"), pre.headers().toString());
        assertTrue(String.valueOf(header(pre, "Access-Control-Allow-Headers")).toLowerCase().contains("authorization"),
                pre.headers().toString());
        assertFalse("true".equals(header(pre, "Access-Control-Allow-Credentials")), pre.headers().toString());

        TestClient.Response get = client.request("GET", "/api/v1/runs", "Origin", DASHBOARD,
                "Authorization", "Bearer " + TOKEN);
        assertEquals(200, get.status(), get.text());
        assertEquals(DASHBOARD, header(get, "Access-Control-Allow-Origin"));
        assertTrue(String.valueOf(header(get, "Access-Control-Expose-Headers")).contains("X-Request-Id"),
                get.headers().toString());

        TestClient.Response stranger = client.request("GET", "/api/v1/health", "Origin", "https://evil.example.com");
        assertNull(header(stranger, "Access-Control-Allow-Origin"), stranger.headers().toString());
    }

    @Test
    void anyOriginIsStarWithoutCredentials() throws Exception {
        restartAllowing(List.of("*"));
        TestClient.Response r = client.request("GET", "/api/v1/health", "Origin", "https://anyone.example.net");
        assertEquals("*", header(r, "Access-Control-Allow-Origin"), r.headers().toString());
        assertNull(header(r, "Access-Control-Allow-Credentials"), r.headers().toString());
    }

    @Test
    void anOriginWithAPathOrStarBesideOthersIsRefusedAtStart() {
        for (List<String> bad : List.of(List.of("https://dash.example.org/app"), List.of("*", DASHBOARD),
                List.of("dash.example.org"))) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new Operations(bad, null));
            assertTrue(e.getMessage().startsWith("cors origin"), e.getMessage());
        }
    }
}
