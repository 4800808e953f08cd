package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/v1/runs: newest first, paged by cursor, filtered, each bad parameter a 400 at that parameter. */
class RunsListingTest extends ServiceOnAPort {

    private TestClient.Response list(String query) throws Exception {
        return client.request("GET", "/api/v1/runs" + query, "Authorization", "Bearer " + TOKEN);
    }

    private String grade(String pack) throws Exception {
        TestClient.Response r = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch(pack)));
        assertEquals(200, r.status(), r.text());
        return r.json().get("run").asText();
    }

    @Test
    void pagesNewestFirstByCursorWithGradeCounts() throws Exception {
        List<String> stored = new ArrayList<>();
        for (String pack : List.of("meixian", "shangqiu", "meixian", "luoshan", "meixian")) {
            stored.add(grade(pack));
        }
        JsonNode first = list("?limit=2").json();
        assertEquals(List.of(stored.get(4), stored.get(3)), ids(first));
        // A run stored between pages neither repeats nor shifts the next page.
        String later = grade("meixian");
        JsonNode second = list("?limit=2&before=" + first.get("next").asText()).json();
        assertEquals(List.of(stored.get(2), stored.get(1)), ids(second));
        JsonNode third = list("?limit=2&before=" + second.get("next").asText()).json();
        assertEquals(List.of(stored.get(0)), ids(third));
        assertTrue(third.get("next").isNull(), third.toString());
        assertEquals(later, ids(list("").json()).get(0));

        JsonNode meixian = list("?pack=meixian").json();
        assertEquals(List.of(later, stored.get(4), stored.get(2), stored.get(0)), ids(meixian));
        JsonNode item = meixian.get("runs").get(0);
        assertEquals("meixian", item.at("/pack/id").asText());
        assertEquals(63, item.get("results").asInt(), item.toString());
        int counted = 0;
        for (JsonNode n : item.get("grades")) {
            counted += n.asInt();
        }
        assertTrue(counted > 0 && counted <= 63, item.toString());
        // The counts agree with the stored run's own answer.
        JsonNode run = client.get("/api/v1/runs/" + later).json();
        assertEquals(run.get("period").get("from"), item.at("/period/from"));
        assertTrue(item.get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), item.toString());

        String version = item.at("/pack/version").asText();
        assertEquals(4, list("?pack=meixian&version=" + version).json().get("runs").size());
        assertEquals(0, list("?pack=meixian&version=0000").json().get("runs").size());
        String day = item.at("/period/to").asText();
        assertEquals(4, list("?pack=meixian&period=" + day).json().get("runs").size());
        assertEquals(0, list("?pack=meixian&period=1999-01-01").json().get("runs").size());
    }

    @Test
    void badParametersAre400AtTheParameter() throws Exception {
        assertAt(list("?limit=0"), "limit");
        assertAt(list("?limit=201"), "limit");
        assertAt(list("?limit=ten"), "limit");
        assertAt(list("?before=-3"), "before");
        assertAt(list("?before=abc"), "before");
        assertAt(list("?period=2020-13-01"), "period");
        assertAt(list("?pack=Meixian"), "pack");
        assertAt(list("?version=a%20b"), "version");
        assertEquals(200, list("?pack=nosuchpack").status());
    }

    @Test
    void theListingNeedsATokenWhereOneIsConfigured() throws Exception {
        grade("meixian");
        assertError(client.get("/api/v1/runs"), 401, "token_required");
        assertError(client.request("GET", "/api/v1/runs", "Authorization", "Bearer nope"), 403, "token_rejected");
        assertEquals(1, list("").json().get("runs").size());
    }

    private static void assertAt(TestClient.Response r, String parameter) throws Exception {
        assertError(r, 400, "invalid_parameter");
        assertEquals(parameter, r.json().get("path").asText(), r.text());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode n : page.get("runs")) {
            ids.add(n.get("run").asText());
        }
        return ids;
    }
}
