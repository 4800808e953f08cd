package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.PackCopy;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The workbench's files at {@code /}, and a version's workbook to download, edit and send back. */
class WorkbenchFilesTest extends ServiceOnAPort {

    @Test
    void theWorkbenchIsServedAtTheRootWithAPolicyThatKeepsOtherSitesOut() throws Exception {
        TestClient.Response page = client.get("/");
        assertEquals(200, page.status());
        assertTrue(page.headers().get("content-type").get(0).startsWith("text/html"), page.headers().toString());
        assertTrue(page.text().contains("govgrade 工作台"), page.text());
        String csp = page.headers().get("content-security-policy").get(0);
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        TestClient.Response module = client.get("/js/app.js");
        assertEquals(200, module.status());
        assertTrue(module.headers().get("content-type").get(0).contains("javascript"), module.headers().toString());
    }

    @Test
    void aPathNeitherFileNorRouteIsStillTheJsonNotFound() throws Exception {
        assertError(client.get("/js/nothing.js"), 404, "not_found");
        assertError(client.get("/api/v1/nothing"), 404, "not_found");
        assertError(client.get("/js/"), 404, "not_found");
        assertError(client.get("/workbench/index.html"), 404, "not_found");
    }

    @Test
    void everyWorkbenchFileIsItsBytesFromTheJarWithItsTypeAndTheHeadersThatKeepOtherSitesOut() throws Exception {
        Map<String, String> types = Map.of("/index.html", "text/html", "/style.css", "text/css",
                "/js/app.js", "text/javascript", "/js/api.js", "text/javascript");
        for (var e : types.entrySet()) {
            TestClient.Response r = client.get(e.getKey());
            assertEquals(200, r.status(), e.getKey());
            try (InputStream in = getClass().getResourceAsStream("/workbench" + e.getKey())) {
                assertTrue(java.util.Arrays.equals(in.readAllBytes(), r.body()), e.getKey());
            }
            assertTrue(r.headers().get("content-type").get(0).startsWith(e.getValue()), e.getKey() + " " + r.headers());
            assertEquals("no-cache", r.headers().get("cache-control").get(0), e.getKey());
            assertEquals("nosniff", r.headers().get("x-content-type-options").get(0), e.getKey());
            assertEquals("no-referrer", r.headers().get("referrer-policy").get(0), e.getKey());
            assertTrue(r.headers().get("content-security-policy").get(0).contains("frame-ancestors 'none'"), e.getKey());
        }
    }

    @Test
    void aPageTheBrowserHoldsIsNotSentAgainWhileItsTagHolds() throws Exception {
        TestClient.Response page = client.get("/js/app.js");
        String tag = page.headers().get("etag").get(0);
        HttpResponse<byte[]> again = raw(HttpRequest.newBuilder(URI.create(base() + "/js/app.js"))
                .header("If-None-Match", tag).GET());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> other = raw(HttpRequest.newBuilder(URI.create(base() + "/js/app.js"))
                .header("If-None-Match", "W/\"another\"").GET());
        assertEquals(200, other.statusCode());
    }

    @Test
    void aPathOutOfTheWorkbenchFolderServesNothingElseOnTheClassPath() throws Exception {
        for (String path : new String[] {"/js/../../db/migration/common/V3_7__run_periods.sql",
            "/../db/migration/common/V3_7__run_periods.sql", "/%2e%2e/db/migration/common/V3_7__run_periods.sql",
            "/js/%2e%2e/%2e%2e/logback.xml", "/..%2fdb/migration/common/V3_7__run_periods.sql"}) {
            int status = raw(HttpRequest.newBuilder(URI.create(base() + path)).GET()).statusCode();
            assertTrue(status == 400 || status == 404, path + ": " + status);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + service.port();
    }

    private static HttpResponse<byte[]> raw(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @Tag("slow") // the draft grades the pack's fixtures
    void theActiveWorkbookDownloadsAsStoredAndADraftOfItIsThatVersionsWorkbook() throws Exception {
        String active = client.get("/api/v1/packs/meixian").json().get("version").asText();
        TestClient.Response wb = client.get("/api/v1/packs/meixian/versions/" + active + "/workbook.xlsx");
        assertEquals(200, wb.status(), wb.text());
        assertEquals(PackWorkbook.CONTENT_TYPE, wb.headers().get("content-type").get(0));
        assertTrue(wb.headers().get("content-disposition").get(0).contains("meixian-" + active + ".xlsx"));
        assertEquals(Files.readAllBytes(Path.of("decision-tables/meixian/meixian.xlsx")).length, wb.body().length);

        Path home = PackCopy.copy("meixian", dir.resolve("staff"));
        Path xlsx = home.resolve("decision-tables/meixian/meixian.xlsx");
        PackCopy.editWorkbook(xlsx, w -> PackCopy.rowOf(w, "参数", "newsExcellentMinPosts").getCell(2).setCellValue(7));
        String draft = client.upload("/api/v1/packs/meixian/drafts", Map.of("meixian (2).xlsx", Files.readAllBytes(xlsx)),
                TOKEN).json().get("version").asText();
        TestClient.Response edited = client.get("/api/v1/packs/meixian/versions/" + draft + "/workbook.xlsx");
        try (Workbook w = WorkbookFactory.create(new ByteArrayInputStream(edited.body()))) {
            assertEquals(7.0, PackCopy.rowOf(w, "参数", "newsExcellentMinPosts").getCell(2).getNumericCellValue());
        }
    }

    @Test
    void anUnknownVersionOrPackIsA404ThatSaysWhere() throws Exception {
        assertError(client.get("/api/v1/packs/meixian/versions/0000000000000000/workbook.xlsx"), 404, "unknown_version");
        assertError(client.get("/api/v1/packs/nosuch/versions/0000000000000000/workbook.xlsx"), 404, "unknown_pack");
    }
}
