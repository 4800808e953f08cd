package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.app.Access;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.packs.PackCopy;
import govgrade.packs.catalog.ReloadMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drafts over HTTP: uploads under any name replace the pack's file of their kind, names that
 * cannot be pack files are refused, roles decide who may change code, a draft that cannot grade is
 * refused and cannot be published, and an earlier version can be published again.
 */
@Tag("slow")
class PackRolesAndDraftsTest extends ServiceOnAPort {
    private static final String EDITOR = "test-editor-token";
    private static final String GRADER = "test-grader-token";

    /** Restarts the service with the author token, an editor token and a grader token. */
    private void withRoles() throws Exception {
        service.close();
        service = Service.start(Settings.defaults(Fixtures.HOME, dir.resolve("govgrade.db"))
                .listening("127.0.0.1", 0).withMaxBodyBytes(1 << 20).withAdminToken(TOKEN).withWatch(false)
                .withAccess(new Access(EDITOR, GRADER, ReloadMode.DIRECT)), Fixtures.PACKS_CACHE);
        client = new TestClient(service.port());
    }

    private byte[] shangqiuWith(String key, Object value) throws Exception {
        Path home = PackCopy.copy("shangqiu", dir.resolve("staff-" + key + "-" + value));
        Path xlsx = home.resolve("decision-tables/shangqiu/shangqiu.xlsx");
        PackCopy.editWorkbook(xlsx, wb -> {
            Cell c = PackCopy.rowOf(wb, "参数", key).getCell(2);
            if (value instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else {
                c.setCellValue(value.toString());
            }
        });
        return Files.readAllBytes(xlsx);
    }

    private static String version(TestClient.Response r) throws Exception {
        return r.json().get("version").asText();
    }

    private String active(String pack) throws Exception {
        return client.get("/api/v1/packs/" + pack).json().get("version").asText();
    }

    @Test
    void aWorkbookUploadedUnderAnyNameReplacesThePacksWorkbook() throws Exception {
        byte[] thirty = shangqiuWith("staleDays", 30);
        TestClient.Response first = client.upload("/api/v1/packs/shangqiu/drafts", Map.of("shangqiu (1).xlsx", thirty),
                TOKEN);
        assertEquals(201, first.status(), first.text());
        assertEquals(List.of("decision-tables/shangqiu/shangqiu.xlsx"),
                JSON.convertValue(first.json().get("changedFiles"), List.class));
        TestClient.Response second = client.upload("/api/v1/packs/shangqiu/drafts", Map.of("商丘-修改.xlsx", thirty),
                TOKEN);
        assertEquals(200, second.status(), second.text());
        assertTrue(second.json().get("alreadyStored").asBoolean());
        assertEquals(version(first), version(second), "the same content is the same version, whatever its name");
        assertEquals(2, client.get("/api/v1/packs/shangqiu/versions").json().size());
    }

    @Test
    void namesThatCannotBePackFilesAndSecondWorkbooksAre400WithAReasonAndStoreNothing() throws Exception {
        byte[] xlsx = Files.readAllBytes(Path.of("decision-tables/shangqiu/shangqiu.xlsx"));
        byte[] drl = Files.readAllBytes(Path.of("rules-drl/shangqiu/shangqiu.drl"));
        Map<String, byte[]> lock = Map.of("~$shangqiu.xlsx", xlsx);
        Map<String, byte[]> noName = Map.of(".drl", drl);
        Map<String, byte[]> path = Map.of("../../shangqiu.xlsx", xlsx);
        Map<String, byte[]> oldFormat = Map.of("shangqiu.xls", xlsx);
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("shangqiu.xlsx", xlsx);
        two.put("shangqiu (1).xlsx", xlsx);
        for (Map<String, byte[]> upload : List.of(lock, noName, path, oldFormat, two)) {
            TestClient.Response r = client.upload("/api/v1/packs/shangqiu/drafts", upload, TOKEN);
            assertError(r, 400, "invalid_file");
            assertTrue(r.json().get("message").asText().length() > 30, r.text());
        }
        assertTrue(client.upload("/api/v1/packs/shangqiu/drafts", lock, TOKEN).json().get("message").asText()
                .contains("lock file"));
        assertTrue(client.upload("/api/v1/packs/shangqiu/drafts", two, TOKEN).json().get("message").asText()
                .contains("one workbook"));
        assertEquals(1, client.get("/api/v1/packs/shangqiu/versions").json().size(), "nothing stored");
    }

    @Test
    void anEditorMayChangeAValueButACodeCellIs403AtItsCellAndNothingIsStored() throws Exception {
        withRoles();
        Path home = PackCopy.copy("shangqiu", dir.resolve("editor"));
        Path xlsx = home.resolve("decision-tables/shangqiu/shangqiu.xlsx");
        String[] cell = new String[1];
        PackCopy.editWorkbook(xlsx, wb -> {
            Cell template = actionTemplate(wb, "参数");
            template.setCellValue(template.getStringCellValue() + "; System.exit(0)");
            cell[0] = new CellReference(template.getRowIndex(), template.getColumnIndex()).formatAsString(false);
        });
        TestClient.Response code = client.upload("/api/v1/packs/shangqiu/drafts",
                Map.of("shangqiu.xlsx", Files.readAllBytes(xlsx)), EDITOR);
        assertError(code, 403, "code_change_forbidden");
        JsonNode where = code.json().get("errors").get(0);
        assertEquals("decision-tables/shangqiu/shangqiu.xlsx", where.get("file").asText());
        assertEquals("参数", where.get("sheet").asText());
        assertEquals(cell[0], where.get("cell").asText());
        byte[] drl = (Files.readString(Path.of("rules-drl/shangqiu/shangqiu.drl")) + "\n// note\n")
                .getBytes(StandardCharsets.UTF_8);
        assertError(client.upload("/api/v1/packs/shangqiu/drafts", Map.of("shangqiu.drl", drl), EDITOR), 403,
                "code_change_forbidden");
        assertError(client.upload("/api/v1/packs/shangqiu/drafts", Map.of("shangqiu.drl", drl), GRADER), 403,
                "role_forbidden");
        assertEquals(1, client.get("/api/v1/packs/shangqiu/versions").json().size(), "nothing stored");

        TestClient.Response value = client.upload("/api/v1/packs/shangqiu/drafts",
                Map.of("shangqiu.xlsx", shangqiuWith("staleDays", 30)), EDITOR);
        assertEquals(201, value.status(), value.text());
        assertEquals(200, client.postWithToken("/api/v1/packs/shangqiu/versions/" + version(value) + "/publish",
                EDITOR).status());
        assertEquals(version(value), active("shangqiu"));
        // A rule author's code change may be drafted, but an editor may not publish it.
        TestClient.Response authored = client.upload("/api/v1/packs/shangqiu/drafts", Map.of("shangqiu.drl", drl),
                TOKEN);
        assertEquals(201, authored.status(), authored.text());
        assertError(client.postWithToken("/api/v1/packs/shangqiu/versions/" + version(authored) + "/publish", EDITOR),
                403, "code_change_forbidden");
        assertEquals(version(value), active("shangqiu"));
    }

    @Test
    void withAGraderTokenSetGradingNeedsAToken() throws Exception {
        withRoles();
        byte[] batch = Files.readAllBytes(Fixtures.batch("shangnan"));
        assertError(client.post("/api/v1/grade", batch), 401, "token_required");
        assertError(gradeWith(batch, "guess"), 403, "token_rejected");
        assertEquals(200, gradeWith(batch, GRADER).status());
        assertEquals(200, gradeWith(batch, EDITOR).status());
        assertEquals(200, client.get("/api/v1/health").status(), "health stays open");
    }

    @Test
    void aNonWholeNumberInAWholeNumberCellIsRefusedAtItsCellAndNothingIsStored() throws Exception {
        String before = active("shangqiu");
        TestClient.Response r = client.upload("/api/v1/packs/shangqiu/drafts",
                Map.of("shangqiu.xlsx", shangqiuWith("staleDays", 5.5)), TOKEN);
        assertError(r, 400, "pack_rejected");
        assertTrue(r.json().get("errors").get(0).get("cell").asText().startsWith("C"), r.text());
        assertEquals(1, client.get("/api/v1/packs/shangqiu/versions").json().size());
        assertEquals(before, active("shangqiu"));
    }

    @Test
    void aDraftThatCannotGradeIs422StoredAsRefusedAndCannotBePublished() throws Exception {
        String before = active("shangqiu");
        // Passes the rule code check (no throw, no new) and compiles, but fails on every account it grades.
        String drl = Files.readString(Fixtures.HOME.resolve("rules-drl/shangqiu/shangqiu.drl"))
                + "\nrule \"hostile: throws while grading\"\nwhen\n    $a : NewMediaAccount()\nthen\n"
                + "    insert(Integer.parseInt(\"boom\"));\nend\n";
        TestClient.Response r = client.upload("/api/v1/packs/shangqiu/drafts",
                Map.of("shangqiu.drl", drl.getBytes(StandardCharsets.UTF_8)), TOKEN);
        assertError(r, 422, "version_refused");
        assertTrue(r.json().get("errors").get(0).get("file").asText().startsWith("fixtures/shangqiu/"), r.text());
        assertTrue(r.text().contains("hostile: throws while grading"), r.text());
        String refused = r.json().get("version").asText();
        JsonNode stored = client.get("/api/v1/packs/shangqiu/versions").json().get(0);
        assertEquals(refused, stored.get("version").asText());
        assertEquals("refused", stored.get("status").asText());
        assertTrue(stored.get("reasons").size() > 0, stored.toString());
        assertError(client.postWithToken("/api/v1/packs/shangqiu/versions/" + refused + "/publish", TOKEN), 422,
                "version_refused");
        assertEquals(before, active("shangqiu"));
        assertEquals(200, client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangqiu"))).status());
    }

    @Test
    void publishingAnEarlierVersionAgainRevertsToIt() throws Exception {
        String original = active("shangqiu");
        String thirty = version(client.upload("/api/v1/packs/shangqiu/drafts",
                Map.of("shangqiu.xlsx", shangqiuWith("staleDays", 30)), TOKEN));
        assertEquals(200, client.postWithToken("/api/v1/packs/shangqiu/versions/" + thirty + "/publish", TOKEN).status());
        assertEquals(thirty, active("shangqiu"));
        TestClient.Response back = client.postWithToken("/api/v1/packs/shangqiu/versions/" + original + "/publish",
                TOKEN);
        assertEquals(200, back.status(), back.text());
        JsonNode status = client.get("/api/v1/packs/shangqiu").json();
        assertEquals(original, status.get("version").asText());
        assertEquals("reverted", status.get("activatedBy").asText());
        assertNotEquals(thirty, status.get("version").asText());
        JsonNode graded = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangqiu"))).json();
        assertEquals(original, graded.at("/pack/version").asText());
        assertEquals("FAIL", result(graded, "shangqiu-a1").get("grade").asText(), "23 days fail at 14 again");
    }

    private TestClient.Response gradeWith(byte[] batch, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/v1/grade"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new TestClient.Response(r.statusCode(), r.body(), r.headers().map());
    }

    /** The code template cell of the first ACTION column of the first RuleTable on {@code sheet}. */
    static Cell actionTemplate(Workbook wb, String sheet) {
        Sheet s = wb.getSheet(sheet);
        for (Row r : s) {
            for (Cell c : r) {
                if (c.toString().trim().startsWith("RuleTable")) {
                    for (Cell t : s.getRow(r.getRowNum() + 1)) {
                        if (t.toString().trim().equals("ACTION")) {
                            return s.getRow(r.getRowNum() + 3).getCell(t.getColumnIndex());
                        }
                    }
                }
            }
        }
        throw new AssertionError("no ACTION column on " + sheet);
    }
}
