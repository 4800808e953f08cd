package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.cli.Main;
import govgrade.packs.PackCopy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The service on a real loopback port over a real SQLite file in a temporary folder. */
class ServiceTest {
    private static final String TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Service service;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        service = start(TOKEN, 64 * 1024);
    }

    private Service start(String token, long maxBody) throws Exception {
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

    static List<String> packs() {
        return Fixtures.PACKS;
    }

    @ParameterizedTest
    @MethodSource("packs")
    void gradingAFixtureOverHttpEqualsTheCommandLine(String pack) throws Exception {
        TestClient.Response r = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch(pack)));
        assertEquals(200, r.status(), r.text());
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "grade",
                Fixtures.batch(pack).toString()));
        ObjectNode http = (ObjectNode) r.json();
        ObjectNode cli = (ObjectNode) JSON.readTree(out.toString());
        assertEquals("/api/v1/runs/" + http.get("run").asText(), r.headers().get("location").get(0));
        http.remove("run");
        cli.remove("run");
        assertEquals(cli, http);
    }

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
    void aBatchPostedTwiceIsStoredOnceWithTwoRuns() throws Exception {
        byte[] batch = Files.readAllBytes(Fixtures.batch("shangnan"));
        String a = client.post("/api/v1/grade", batch).json().get("run").asText();
        String b = client.post("/api/v1/grade", batch).json().get("run").asText();
        assertNotEquals(a, b);
        assertEquals(1, count("batches"));
        assertEquals(2, count("runs"));
        assertEquals(20, count("results"));
    }

    @Test
    void thePackMayBeNamedInTheUrl() throws Exception {
        String body = Files.readString(Fixtures.batch("shangnan")).replace("\"pack\": \"shangnan\",", "");
        assertFalse(body.contains("\"pack\""));
        TestClient.Response r = client.post("/api/v1/grade?pack=shangnan", body);
        assertEquals(200, r.status(), r.text());
        assertEquals("shangnan", r.json().at("/pack/id").asText());
        TestClient.Response clash = client.post("/api/v1/grade?pack=shangqiu", Files.readAllBytes(Fixtures.batch("shangnan")));
        assertEquals(400, clash.status());
        assertEquals("pack", clash.json().get("path").asText());
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
                "tests"), fields);
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
    void healthListsTheActivePackVersions() throws Exception {
        JsonNode h = client.get("/api/v1/health").json();
        assertEquals("ok", h.get("status").asText());
        for (String p : Fixtures.PACKS) {
            assertEquals(16, h.at("/packs/" + p).asText().length());
        }
        JsonNode list = client.get("/api/v1/packs").json();
        assertEquals(5, list.size());
        JsonNode one = client.get("/api/v1/packs/meixian").json();
        assertEquals("ok", one.get("status").asText());
        assertEquals(0, one.get("errors").size());
    }

    @Nested
    class BadRequestsGetA4xxWithAJsonErrorAndStoreNothing {

        @Test
        void anInvalidBatchIs400WithTheJsonPathOfEachMistake() throws Exception {
            String bad = Files.readString(Fixtures.batch("shangqiu")).replace("\"2020-12-26\"", "\"2020-12-41\"");
            TestClient.Response r = client.post("/api/v1/grade", bad);
            assertEquals(400, r.status());
            assertEquals("invalid_batch", r.json().get("error").asText());
            assertEquals("accounts[1].posts[0].date", r.json().get("path").asText());
            assertTrue(r.json().get("message").asText().contains("2020-12-41"));
            String many = Files.readString(Fixtures.batch("shangnan"))
                    .replace("\"submitted\": 27", "\"submitted\": -27").replace("\"unit\": \"shangnan-u2\"",
                            "\"unit\": \"shangnan-u99\"");
            JsonNode v = client.post("/api/v1/grade", many).json().get("violations");
            assertEquals(2, v.size());
            assertEquals("activity[0].submitted", v.get(0).get("path").asText());
            assertEquals("activity[1].unit", v.get(1).get("path").asText());
            assertEquals(0, count("runs"));
            assertEquals(0, count("batches"));
        }

        @Test
        void malformedJsonAndAnEmptyBodyAre400() throws Exception {
            assertEquals(400, client.post("/api/v1/grade", "{\"pack\": ").status());
            assertEquals(400, client.post("/api/v1/grade", "").status());
            assertEquals("$", client.post("/api/v1/grade", "[1,2]").json().get("path").asText());
        }

        @Test
        void unknownRunsPacksVersionsAndRoutesAre404() throws Exception {
            assertError(client.get("/api/v1/runs/no-such-run"), 404, "unknown_run");
            assertError(client.get("/api/v1/whatifs/no-such"), 404, "unknown_whatif");
            assertError(client.get("/api/v1/packs/atlantis"), 404, "unknown_pack");
            assertError(client.get("/api/v1/packs/atlantis/versions"), 404, "unknown_pack");
            String other = Files.readString(Fixtures.batch("shangnan")).replace("\"shangnan\"", "\"atlantis\"");
            assertError(client.post("/api/v1/grade", other), 404, "unknown_pack");
            String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangnan"))).json().get("run")
                    .asText();
            assertError(client.post("/api/v1/runs/" + run + "/whatif", "{\"pack\":\"shangnan\",\"version\":\"0000\"}"),
                    404, "unknown_version");
            assertError(client.post("/api/v1/runs/nope/whatif", "{\"pack\":\"shangnan\"}"), 404, "unknown_run");
            assertError(client.get("/api/v1/nothing-here"), 404, "not_found");
        }

        @Test
        void aBadWhatIfRequestIs400() throws Exception {
            String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangnan"))).json().get("run")
                    .asText();
            assertError(client.post("/api/v1/runs/" + run + "/whatif", "{\"pack\": 5}"), 400, "invalid_request");
            assertError(client.post("/api/v1/runs/" + run + "/whatif", "not json"), 400, "invalid_request");
        }

        @Test
        void changingPacksNeedsTheAdminToken() throws Exception {
            byte[] xlsx = Files.readAllBytes(Path.of("decision-tables/shangnan/shangnan.xlsx"));
            assertError(client.upload("/api/v1/packs/shangnan/drafts", Map.of("shangnan.xlsx", xlsx), null), 401,
                    "token_required");
            assertError(client.upload("/api/v1/packs/shangnan/drafts", Map.of("shangnan.xlsx", xlsx), "guess"), 403,
                    "token_rejected");
            String active = client.get("/api/v1/packs/shangnan").json().get("version").asText();
            assertError(client.postWithToken("/api/v1/packs/shangnan/versions/" + active + "/publish", null), 401,
                    "token_required");
            assertError(client.postWithToken("/api/v1/packs/shangnan/versions/" + active + "/publish", "guess"), 403,
                    "token_rejected");
        }

        @Test
        void withNoTokenConfiguredChangingPacksIsSwitchedOff() throws Exception {
            service.close();
            service = start(null, 64 * 1024);
            byte[] xlsx = Files.readAllBytes(Path.of("decision-tables/shangnan/shangnan.xlsx"));
            assertError(client.upload("/api/v1/packs/shangnan/drafts", Map.of("shangnan.xlsx", xlsx), "anything"), 403,
                    "pack_changes_disabled");
        }

        @Test
        void aDraftThatDoesNotCompileIs400WithEveryErrorAndItsCell() throws Exception {
            Path home = PackCopy.copy("meixian", dir.resolve("staff"));
            Path xlsx = home.resolve("decision-tables/meixian/meixian.xlsx");
            PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "gapDays").getCell(2).setCellValue("七"));
            String before = client.get("/api/v1/packs/meixian").json().get("version").asText();
            TestClient.Response r = client.upload("/api/v1/packs/meixian/drafts",
                    Map.of("meixian.xlsx", Files.readAllBytes(xlsx)), TOKEN);
            assertError(r, 400, "pack_rejected");
            JsonNode e = r.json().get("errors").get(0);
            assertEquals("decision-tables/meixian/meixian.xlsx", e.get("file").asText());
            assertEquals("参数", e.get("sheet").asText());
            assertTrue(e.get("cell").asText().startsWith("C"));
            assertEquals(1, client.get("/api/v1/packs/meixian/versions").json().size(), "nothing stored");
            assertEquals(before, client.get("/api/v1/packs/meixian").json().get("version").asText());
            assertError(client.upload("/api/v1/packs/meixian/drafts", Map.of("notes.txt", new byte[] {1}), TOKEN), 400,
                    "invalid_file");
        }

        @Test
        void aBodyOverTheLimitIs413() throws Exception {
            byte[] big = new byte[70 * 1024];
            java.util.Arrays.fill(big, (byte) ' ');
            assertError(client.post("/api/v1/grade", big), 413, "body_too_large");
            assertEquals(0, count("batches"));
        }
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

    private static String text(org.apache.poi.ss.usermodel.Workbook wb) {
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

    private static void assertError(TestClient.Response r, int status, String code) throws Exception {
        assertEquals(status, r.status(), r.text());
        JsonNode j = r.json();
        assertEquals(code, j.get("error").asText(), r.text());
        assertTrue(j.has("message") && j.has("path"), r.text());
    }

    private static JsonNode result(JsonNode run, String id) {
        for (JsonNode r : run.get("results")) {
            if (r.at("/subject/id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no result " + id);
    }

    private static int sum(JsonNode counts) {
        int n = 0;
        for (JsonNode c : counts) {
            n += c.asInt();
        }
        return n;
    }

    private int count(String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("govgrade.db"));
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static Set<String> toSet(Iterator<String> names) {
        Set<String> set = new HashSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
