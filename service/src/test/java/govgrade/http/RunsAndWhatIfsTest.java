package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.facts.BatchLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored run read back, regraded under a pack version, reconciled with its circular, downloaded as Excel. */
class RunsAndWhatIfsTest extends ServiceOnAPort {

    @Test
    void aStoredRunReadsBackByteForByteAlsoAfterARestart() throws Exception {
        TestClient.Response graded = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian")));
        String run = graded.json().get("run").asText();
        assertArrayEquals(graded.body(), client.get("/api/v1/runs/" + run).body());

        service.close();
        service = start(TOKEN, 64 * 1024);
        TestClient.Response again = client.get("/api/v1/runs/" + run);
        assertEquals(200, again.status());
        assertArrayEquals(graded.body(), again.body());
    }

    @Test
    void whatIfUnderTheSameVersionReportsNoChange() throws Exception {
        String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian"))).json().get("run").asText();
        JsonNode w = client.post("/api/v1/runs/" + run + "/whatif", "{\"pack\":\"meixian\"}").json();
        assertEquals(0, w.get("changes").size());
        assertEquals(w.at("/base/version"), w.at("/against/version"));
        assertEquals(w.at("/grades/before"), w.at("/grades/after"));
        assertEquals(63, sum(w.at("/grades/before")));
    }

    @Test
    void aStoredBatchOverALimitLoweredSinceIs409NotA500AndTheRunStaysReadable() throws Exception {
        String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian"))).json().get("run").asText();
        service.close();
        BatchLimits d = BatchLimits.DEFAULTS;
        BatchLimits oneAccount = new BatchLimits(d.periodDays(), d.units(), 1, d.columns(), d.activity(),
                d.postsPerAccount(), d.messagesPerAccount(), d.findingsPerEntry(), d.stringChars(), d.errorsListed());
        service = Service.start(Settings.defaults(Fixtures.HOME, dir.resolve("govgrade.db"))
                .listening("127.0.0.1", 0).withAdminToken(TOKEN).withWatch(false).withBatchLimits(oneAccount),
                Fixtures.PACKS_CACHE);
        client = new TestClient(service.port());
        TestClient.Response w = client.post("/api/v1/runs/" + run + "/whatif", "{\"pack\":\"meixian\"}");
        assertEquals(409, w.status(), w.text());
        assertEquals("stored_batch_invalid", w.json().get("error").asText());
        assertTrue(w.json().get("violations").get(0).get("expected").asText().contains("--max-accounts"), w.text());
        assertEquals(200, client.get("/api/v1/runs/" + run).status());
    }

    @Test
    void reconcilingARunWithTheCircularListsEachDifferenceWithItsRuleAndFacts() throws Exception {
        String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian"))).json().get("run").asText();
        JsonNode r = client.post("/api/v1/runs/" + run + "/reconcile",
                Files.readAllBytes(Path.of("fixtures/meixian/meixian.expected.json"))).json();
        assertEquals(72, r.get("figures").asInt());
        assertEquals(68, r.get("reproduced").asInt());
        assertEquals(0, r.get("differences").size());
        assertEquals(4, r.get("knownDifferences").size());
        JsonNode d = r.get("knownDifferences").get(0);
        assertEquals("meixian-u3", d.get("id").asText());
        assertEquals("PASS", d.get("published").asText());
        assertEquals("EXCELLENT", d.get("graded").asText());
        assertEquals("栏目：超出应更新数为优秀", d.at("/because/0/rule").asText());
        assertEquals(12, d.at("/because/0/facts/updates").asInt());

        // The same from an annex typed into Excel: name and grade word only.
        Path annex = dir.resolve("annex.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("附件");
            String[][] rows = {{"序号", "单位名称", "类别", "评定等级"}, {"1", "县退役军人事务局", "快讯动态", "优秀"},
                    {"2", "县行政审批局", "快讯动态", "合格"}, {"3", "健康眉县", "政务新媒体", "差"}};
            for (int i = 0; i < rows.length; i++) {
                org.apache.poi.ss.usermodel.Row row = s.createRow(i + 2);
                for (int j = 0; j < rows[i].length; j++) {
                    row.createCell(j).setCellValue(rows[i][j]);
                }
            }
            try (var out = Files.newOutputStream(annex)) {
                wb.write(out);
            }
        }
        JsonNode x = client.upload("/api/v1/runs/" + run + "/reconcile", Map.of("annex.xlsx", Files.readAllBytes(annex)),
                null).json();
        assertEquals(3, x.get("figures").asInt());
        assertEquals(1, x.get("differences").size());
        assertEquals("县行政审批局", x.at("/differences/0/name").asText());
        assertEquals("合格", x.at("/differences/0/published").asText());
        assertEquals("优秀", x.at("/differences/0/graded").asText(), "an annex of grade words is compared in words");
    }

    @Test
    void aStoredRunDownloadsAsAnExcelReportThatPoiOpens() throws Exception {
        String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangqiu"))).json().get("run").asText();
        TestClient.Response r = client.get("/api/v1/runs/" + run + "/report.xlsx");
        assertEquals(200, r.status());
        assertTrue(r.headers().get("content-type").get(0).startsWith("application/vnd.openxmlformats"));
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(r.body()))) {
            String text = text(wb);
            assertTrue(text.contains("梁园市场监管") && text.contains("内容2周内无更新"), "the accounts and problems");
            assertTrue(text.contains("睢县"), "the regional summary");
        }
        assertError(client.get("/api/v1/runs/nope/report.xlsx"), 404, "unknown_run");
    }
}
