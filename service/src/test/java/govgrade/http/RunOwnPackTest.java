package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A what-if and a reconcile speak of one run, graded with one pack: another pack is a mistake
 * said as such, and published figures are read as strictly as a batch, each mistake with its path.
 */
class RunOwnPackTest extends ServiceOnAPort {

    private String meixianRun() throws Exception {
        return client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian"))).json().get("run").asText();
    }

    @Test
    void aWhatIfUnderAnotherPackIs400AndStoresNothing() throws Exception {
        String run = meixianRun();
        TestClient.Response w = client.post("/api/v1/runs/" + run + "/whatif", "{\"pack\":\"luoshan\"}");
        assertError(w, 400, "pack_mismatch");
        assertEquals("pack", w.json().get("path").asText());
        assertTrue(w.json().get("message").asText().contains("meixian"), w.text());
        assertEquals(0, count("whatifs"));
        assertEquals(200, client.post("/api/v1/runs/" + run + "/whatif", "{\"pack\":\"meixian\"}").status());
        assertEquals(1, count("whatifs"));
    }

    @Test
    void anotherPacksFiguresAre400() throws Exception {
        String run = meixianRun();
        TestClient.Response r = client.post("/api/v1/runs/" + run + "/reconcile",
                Files.readAllBytes(Path.of("fixtures/luoshan/luoshan.expected.json")));
        assertError(r, 400, "pack_mismatch");
        assertEquals("pack", r.json().get("path").asText());
    }

    @Test
    void junkForResultsIs400WithItsPath() throws Exception {
        String run = meixianRun();
        TestClient.Response r = client.post("/api/v1/runs/" + run + "/reconcile", "{\"results\": \"x\"}");
        assertError(r, 400, "invalid_request");
        assertEquals("results", r.json().get("path").asText());
        assertEquals("results", r.json().at("/violations/0/path").asText());
    }

    @Test
    void everyMistakeIsListedWithItsPath() throws Exception {
        String run = meixianRun();
        ObjectNode figures = (ObjectNode) JSON.readTree(Path.of("fixtures/meixian/meixian.expected.json").toFile());
        figures.put("colour", "red");
        ArrayNode rows = (ArrayNode) figures.get("results");
        ((ObjectNode) rows.get(0)).put("grde", "PASS");
        ((ObjectNode) rows.get(1)).put("rank", "first");
        ((ObjectNode) rows.get(2)).putArray("problems").add(7);
        ((ObjectNode) rows.get(3)).put("score", "high");
        TestClient.Response r = client.post("/api/v1/runs/" + run + "/reconcile", JSON.writeValueAsBytes(figures));
        assertError(r, 400, "invalid_request");
        List<String> paths = new ArrayList<>();
        for (JsonNode v : r.json().get("violations")) {
            paths.add(v.get("path").asText());
        }
        assertEquals(List.of("colour", "results[0].grde", "results[1].rank", "results[2].problems[0]",
                "results[3].score"), paths);
    }

    @Test
    void anAnnexSentAsTheWholeBodyIsReadAsItsFilePartIs() throws Exception {
        String run = meixianRun();
        java.io.ByteArrayOutputStream annex = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("附件");
            String[][] rows = {{"单位名称", "类别", "评定等级"}, {"县退役军人事务局", "快讯动态", "优秀"},
                {"县行政审批局", "快讯动态", "合格"}};
            for (int i = 0; i < rows.length; i++) {
                org.apache.poi.ss.usermodel.Row row = s.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    row.createCell(j).setCellValue(rows[i][j]);
                }
            }
            wb.write(annex);
        }
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        TestClient.Response r = client.post("/api/v1/runs/" + run + "/reconcile", annex.toByteArray(), xlsx);
        assertEquals(200, r.status(), r.text());
        assertEquals(2, r.json().get("figures").asInt());
        assertEquals("县行政审批局", r.json().at("/differences/0/name").asText());
        new DocumentAnswers().check("post", "/api/v1/runs/{run}/reconcile", r);
        assertError(client.post("/api/v1/runs/" + run + "/reconcile", new byte[] {1, 2, 3}, xlsx), 400, "invalid_file");
    }

    @Test
    void theBundledFiguresStillReconcile() throws Exception {
        for (String pack : Fixtures.BUNDLED_FIVE) {
            String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch(pack))).json().get("run")
                    .asText();
            Path b = Fixtures.batch(pack);
            TestClient.Response r = client.post("/api/v1/runs/" + run + "/reconcile",
                    Files.readAllBytes(b.resolveSibling(b.getFileName().toString().replace(".json", ".expected.json"))));
            assertEquals(200, r.status(), pack + ": " + r.text());
        }
    }
}
