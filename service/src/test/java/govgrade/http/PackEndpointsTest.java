package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pack endpoints: the active versions, a draft uploaded and tested, a draft published. */
class PackEndpointsTest extends ServiceOnAPort {

    @Test
    void healthListsTheActivePackVersions() throws Exception {
        JsonNode h = client.get("/api/v1/health").json();
        assertEquals("ok", h.get("status").asText());
        for (String p : Fixtures.PACKS) {
            assertEquals(16, h.at("/packs/" + p).asText().length());
        }
        JsonNode list = client.get("/api/v1/packs").json();
        assertEquals(Fixtures.PACKS.size(), list.size());
        JsonNode one = client.get("/api/v1/packs/meixian").json();
        assertEquals("ok", one.get("status").asText());
        assertEquals(0, one.get("errors").size());
    }

    @Test
    void everyPackNamesItsCountyAsItsCircularsWriteIt() throws Exception {
        Map<String, String> names = new HashMap<>();
        for (JsonNode p : client.get("/api/v1/packs").json()) {
            names.put(p.get("id").asText(), p.get("displayName").asText());
        }
        assertEquals(Map.of("luoshan", "罗山县", "meixian", "眉县", "qingshen", "青神县", "shangnan", "商南县",
                "shangqiu", "商丘市", "wuding", "武定县", "xining-chengzhong", "西宁市城中区"), names);
        assertEquals("眉县", client.get("/api/v1/packs/meixian").json().get("displayName").asText());
    }

    @Test
    void aDraftWithAChangedMeiCountyThresholdChangesExactlyTheSubjectsItShould() throws Exception {
        String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian"))).json().get("run").asText();
        // Staff raise "excellent news" from 5 to 7 posts in their copy of the workbook and upload it as a draft.
        Path home = PackCopy.copy("meixian", dir.resolve("staff"));
        Path xlsx = home.resolve("decision-tables/meixian/meixian.xlsx");
        PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "newsExcellentMinPosts").getCell(2).setCellValue(7));
        TestClient.Response draft = client.upload("/api/v1/packs/meixian/drafts",
                Map.of("meixian.xlsx", Files.readAllBytes(xlsx)), TOKEN);
        assertEquals(201, draft.status(), draft.text());
        String version = draft.json().get("version").asText();
        // The pack's tests say plainly which published figures the draft changes: two published
        // excellents (u9, u10); u3's news was published as fail, a known difference either way.
        assertTrue(draft.json().get("changesPublishedFigures").asBoolean());
        List<String> fields = new ArrayList<>();
        draft.json().fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "version", "status", "alreadyStored", "changedFiles", "changesPublishedFigures",
                "tests", "warnings"), fields);
        assertEquals(0, draft.json().get("warnings").size(), "Mei county's rows all do something");
        assertEquals(Set.of("summary", "fixtures", "figures", "reproduced", "knownDifferences", "changed"),
                toSet(draft.json().get("tests").fieldNames()));
        assertTrue(draft.json().at("/tests/summary").asText().contains("CHANGED by this version"),
                draft.json().at("/tests/summary").asText());
        Set<String> changedFigures = new HashSet<>();
        draft.json().at("/tests/changed").forEach(c -> changedFigures.add(c.get("id").asText() + " " + c.get("figure").asText()));
        assertEquals(Set.of("meixian-u9 grade", "meixian-u10 grade"), changedFigures);

        JsonNode w = client.post("/api/v1/runs/" + run + "/whatif",
                "{\"pack\":\"meixian\",\"version\":\"" + version + "\"}").json();
        Set<String> changed = new HashSet<>();
        for (JsonNode c : w.get("changes")) {
            changed.add(c.at("/subject/id").asText() + " " + c.get("channel").asText());
            assertEquals("EXCELLENT", c.at("/before/grade").asText());
            assertEquals("PASS", c.at("/after/grade").asText());
            assertEquals("合格", c.at("/after/label").asText());
        }
        // The units with 5 or 6 news posts and no wrong words; 7 and more stay excellent.
        assertEquals(Set.of("meixian-u9 news", "meixian-u10 news", "meixian-u3 news"), changed);
        assertEquals(w.at("/grades/before/EXCELLENT").asInt() - 3, w.at("/grades/after/EXCELLENT").asInt());
        assertEquals(version, w.at("/against/version").asText());

        // The draft is not active until published; the what-if is stored and reads back.
        assertNotEquals(version, client.get("/api/v1/packs/meixian").json().get("version").asText());
        assertArrayEquals(JSON.writeValueAsBytes(w), JSON.writeValueAsBytes(
                client.get("/api/v1/whatifs/" + w.get("id").asText()).json()));
        TestClient.Response sheet = client.get("/api/v1/whatifs/" + w.get("id").asText() + "/report.xlsx");
        assertEquals(200, sheet.status());
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(sheet.body()))) {
            assertTrue(wb.getNumberOfSheets() >= 1);
            assertTrue(text(wb).contains("县市场监管局"), "the what-if sheet lists the changed units");
        }
    }

    @Test
    void aPublishedDraftGradesTheNextBatchAndStaysActiveAfterARestart() throws Exception {
        Path home = PackCopy.copy("shangqiu", dir.resolve("staff"));
        Path xlsx = home.resolve("decision-tables/shangqiu/shangqiu.xlsx");
        PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue(30));
        String version = client.upload("/api/v1/packs/shangqiu/drafts", Map.of("shangqiu.xlsx", Files.readAllBytes(xlsx)),
                TOKEN).json().get("version").asText();
        assertEquals(200, client.postWithToken("/api/v1/packs/shangqiu/versions/" + version + "/publish", TOKEN).status());

        JsonNode graded = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangqiu"))).json();
        assertEquals(version, graded.at("/pack/version").asText());
        // 23 days since the last update fails at 14 days, passes at 30.
        assertEquals("PASS", result(graded, "shangqiu-a1").get("grade").asText());

        service.close();
        service = start(TOKEN, 64 * 1024);
        assertEquals(version, client.get("/api/v1/packs/shangqiu").json().get("version").asText());
        JsonNode versions = client.get("/api/v1/packs/shangqiu/versions").json();
        assertEquals(2, versions.size());
        assertEquals(version, versions.get(0).get("version").asText(), "newest first");
        assertTrue(versions.get(0).get("active").asBoolean());
        assertEquals("draft", versions.get(0).get("origin").asText());
    }
}
