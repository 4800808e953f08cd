package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * 武定's September over HTTP, its earlier months supplied by the runs stored for the pack: July
 * graded and stored first, September posted carrying only August. A month neither carried nor
 * stored ends the run of zero months, and the result says which month was missing.
 */
class EarlierPeriodsOverHttpTest extends ServiceOnAPort {
    private static final Path JULY = Path.of("fixtures/wuding/wuding_2024_07.json");
    private static final Path SEPTEMBER = Path.of("fixtures/wuding/wuding_2024_09.json");

    @Test
    void septemberCarryingOnlyAugustReadsJulyFromTheStoredJulyRunAndNamesIt() throws Exception {
        String july = client.post("/api/v1/grade", JSON.writeValueAsBytes(JSON.readTree(JULY.toFile())))
                .json().get("run").asText();
        TestClient.Response graded = client.post("/api/v1/grade", JSON.writeValueAsBytes(onlyAugust()));
        assertEquals(200, graded.status(), graded.text());
        JsonNode tax = result(graded.json(), "wd-u9");
        assertEquals("连续三个月动态信息发布量为零", tax.at("/problems/1/label").asText(), tax.toString());
        assertEquals("batch", tax.at("/earlier/0/source").asText(), tax.toString());
        assertEquals("run", tax.at("/earlier/1/source").asText(), tax.toString());
        assertEquals(july, tax.at("/earlier/1/run").asText(), tax.toString());
        assertEquals("2024-07-01", tax.at("/earlier/1/from").asText());
        // June: the stored July run's batch carried it, but no run of June is stored: unknown, and said so.
        assertEquals(3, tax.at("/earlier/2/back").asInt());
        assertEquals("2024-06-30", tax.at("/earlier/2/to").asText());
        assertTrue(tax.at("/earlier/2/missing").asText().contains("2024-06-30"), tax.toString());
        // The run stored reads back with the same explanation.
        String run = graded.json().get("run").asText();
        assertEquals(tax, result(client.get("/api/v1/runs/" + run).json(), "wd-u9"));
    }

    @Test
    void withJulyNeitherCarriedNorStoredTheRunStopsAtAugustAndSaysJulyWasMissing() throws Exception {
        JsonNode run = client.post("/api/v1/grade", JSON.writeValueAsBytes(onlyAugust())).json();
        JsonNode tax = result(run, "wd-u9");
        assertEquals("连续两个月动态信息发布量为零", tax.at("/problems/1/label").asText(), tax.toString());
        assertEquals(2, tax.at("/earlier/1/back").asInt());
        assertEquals("2024-07-31", tax.at("/earlier/1/to").asText());
        assertFalse(tax.at("/earlier/1").has("source"), tax.toString());
        assertTrue(tax.at("/earlier/1/missing").asText().contains("no period ending 2024-07-31"), tax.toString());
    }

    @Test
    void aPeriodTheBatchCarriesWinsOverTheStoredRunOfTheSameMonth() throws Exception {
        client.post("/api/v1/grade", JSON.writeValueAsBytes(JSON.readTree(JULY.toFile())));
        ObjectNode september = (ObjectNode) JSON.readTree(SEPTEMBER.toFile());
        // The batch's July says 县税务局 posted 3 that month; the stored July run says 0.
        ((ObjectNode) september.at("/earlier/1/results/1/figures")).put("posts", 3);
        JsonNode tax = result(client.post("/api/v1/grade", JSON.writeValueAsBytes(september)).json(), "wd-u9");
        assertEquals("连续两个月动态信息发布量为零", tax.at("/problems/1/label").asText(), tax.toString());
        assertEquals("batch", tax.at("/earlier/1/source").asText(), tax.toString());
    }

    @Test
    void aWhatIfReadsTheEarlierRunsItsRunReadNotOnesStoredSince() throws Exception {
        client.post("/api/v1/grade", JSON.writeValueAsBytes(JSON.readTree(JULY.toFile())));
        String september = client.post("/api/v1/grade", JSON.writeValueAsBytes(onlyAugust())).json().get("run").asText();
        // A later July run in which 县税务局 posted: the latest July now, but stored after September's run.
        ObjectNode july = (ObjectNode) JSON.readTree(JULY.toFile());
        ArrayNode activity = (ArrayNode) july.get("activity");
        for (JsonNode a : activity) {
            if (a.get("unit").asText().equals("wd-u9")) {
                ((ObjectNode) a).put("posts", 4);
            }
        }
        client.post("/api/v1/grade", JSON.writeValueAsBytes(july));

        JsonNode w = client.post("/api/v1/runs/" + september + "/whatif", "{\"pack\":\"wuding\"}").json();
        assertEquals(0, w.get("changes").size(), w.toString());
        // A new September run does read the later July: the run of zero months is two.
        JsonNode again = client.post("/api/v1/grade", JSON.writeValueAsBytes(onlyAugust())).json();
        assertEquals("连续两个月动态信息发布量为零", result(again, "wd-u9").at("/problems/1/label").asText());
    }

    /** The September fixture with its July period taken out: only August is carried. */
    private static ObjectNode onlyAugust() throws Exception {
        ObjectNode september = (ObjectNode) JSON.readTree(SEPTEMBER.toFile());
        ((ArrayNode) september.get("earlier")).remove(1);
        return september;
    }
}
