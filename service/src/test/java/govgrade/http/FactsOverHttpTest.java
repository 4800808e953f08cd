package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.DeclaredFigures;
import govgrade.factsheets.FactsWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Facts from spreadsheets over HTTP: the template, and a filled one graded as its JSON would be. */
class FactsOverHttpTest extends ServiceOnAPort {

    @BeforeEach
    void roomForWorkbooks() throws Exception {
        service.close();
        service = start(TOKEN, 8 << 20);
    }

    static byte[] workbook(String pack) throws Exception {
        Batch batch;
        try (InputStream in = Files.newInputStream(Fixtures.batch(pack))) {
            batch = BatchReader.read(in, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FactsWriter.write(batch, DeclaredFigures.NONE, out);
        return out.toByteArray();
    }

    /** multipart/form-data with one file part of the given name. */
    TestClient.Response upload(String part, byte[] file) throws Exception {
        String boundary = "----facts" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"六月.xlsx\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/api/v1/grade"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new TestClient.Response(r.statusCode(), r.body(), r.headers().map());
    }

    @Test
    void aPacksTemplateHasItsSheetsAndItsDeclaredFigures() throws Exception {
        TestClient.Response r = client.get("/api/v1/packs/wuding/facts-template.xlsx");
        assertEquals(200, r.status());
        assertTrue(r.headers().get("content-type").get(0).startsWith("application/vnd.openxmlformats"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            assertEquals("批次", book.getSheetName(0));
            assertEquals("wuding", book.getSheet("批次").getRow(1).getCell(1).getStringCellValue());
            String headers = book.getSheet("账号").getRow(0).toString();
            StringBuilder all = new StringBuilder();
            book.getSheet("账号").getRow(0).forEach(c -> all.append(c.getStringCellValue()).append('|'));
            assertTrue(all.toString().contains("（totalPosts）"), all + " " + headers);
            assertNotNull(book.getSheet("说明"));
            assertTrue(book.getSheet("账号").getDataValidations().size() > 0);
        }
    }

    @Test
    void theTemplateOfAnUnknownPackIs404() throws Exception {
        assertError(client.get("/api/v1/packs/nosuch/facts-template.xlsx"), 404, "unknown_pack");
    }

    @Test
    void aFilledWorkbookGradesAsItsJsonAndItsRunReadsBack() throws Exception {
        TestClient.Response json = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian")));
        TestClient.Response sheet = upload("facts", workbook("meixian"));
        assertEquals(200, sheet.status(), new String(sheet.body(), StandardCharsets.UTF_8));
        JsonNode a = JSON.readTree(json.body());
        JsonNode b = JSON.readTree(sheet.body());
        assertEquals(a.get("results"), b.get("results"));
        assertEquals(a.get("summaries"), b.get("summaries"));
        String run = b.get("run").asText();
        assertEquals("/api/v1/runs/" + run, sheet.headers().get("location").get(0));
        assertEquals(b, JSON.readTree(client.get("/api/v1/runs/" + run).body()));
        // Stored as its JSON: a what-if regrades the stored batch.
        assertEquals(200, client.post("/api/v1/runs/" + run + "/whatif", "{\"pack\":\"meixian\"}").status());
    }

    @Test
    void theWorkbookAsTheWholeBodyGradesAsTheMultipartForm() throws Exception {
        // What a generated client sends: one typed method per operation, so the workbook is the body.
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        TestClient.Response whole = client.post("/api/v1/grade", workbook("meixian"), xlsx);
        assertEquals(200, whole.status(), new String(whole.body(), StandardCharsets.UTF_8));
        TestClient.Response form = upload("facts", workbook("meixian"));
        assertEquals(JSON.readTree(form.body()).get("results"), JSON.readTree(whole.body()).get("results"));
        assertError(client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian")), xlsx), 400,
                "invalid_file");
    }

    @Test
    void aMistakeComesBackAtItsSheetRowAndColumn() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook("meixian")))) {
            book.getSheet("账号").getRow(2).getCell(2).setCellValue("微信X");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            xlsx = out.toByteArray();
        }
        TestClient.Response r = upload("facts", xlsx);
        assertError(r, 400, "invalid_batch");
        JsonNode body = JSON.readTree(r.body());
        assertEquals("账号!C3", body.get("path").asText());
        JsonNode v = body.get("violations").get(0);
        assertEquals("账号!C3", v.get("path").asText());
        assertEquals("账号", v.get("sheet").asText());
        assertEquals(3, v.get("row").asInt());
        assertEquals("C", v.get("column").asText());
        assertTrue(v.get("message").asText().startsWith("账号!C3："), v.toString());
    }

    @Test
    void aPartNotNamedFactsIsRefused() throws Exception {
        assertError(upload("file", workbook("shangnan")), 400, "invalid_multipart");
    }

    @Test
    void aFileThatIsNoWorkbookIsRefused() throws Exception {
        assertError(upload("facts", Files.readAllBytes(Fixtures.batch("shangnan"))), 400, "invalid_file");
    }
}
