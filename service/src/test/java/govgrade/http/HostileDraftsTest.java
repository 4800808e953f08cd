package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile pack files sent as drafts by a holder of the admin token: each is refused with its
 * place, nothing is stored, the active version stays, the command never runs and the service
 * goes on answering.
 */
class HostileDraftsTest extends ServiceOnAPort {

    private Path marker() {
        return dir.resolve("marker");
    }

    /** Sends {@code files} as a draft of Mei county and checks the refusal; returns its errors. */
    private JsonNode refused(Map<String, byte[]> files) throws Exception {
        String before = client.get("/api/v1/packs/meixian").json().get("version").asText();
        TestClient.Response r = client.upload("/api/v1/packs/meixian/drafts", files, TOKEN);
        // 400 today; 422 where the service says "understood, but not acceptable" for a pack.
        assertTrue(r.status() == 400 || r.status() == 422, r.text());
        assertEquals("pack_rejected", r.json().get("error").asText(), r.text());
        assertEquals(1, client.get("/api/v1/packs/meixian/versions").json().size(), "nothing stored");
        assertEquals(before, client.get("/api/v1/packs/meixian").json().get("version").asText());
        assertFalse(Files.exists(marker()), "the command ran");
        assertEquals(200, client.get("/api/v1/health").status());
        return r.json().get("errors");
    }

    @Test
    void aRuleThatRunsACommandIsRefusedAtItsLine() throws Exception {
        String drl = Files.readString(Fixtures.HOME.resolve("rules-drl/meixian/meixian.drl"));
        int line = (int) drl.lines().count() + 6;
        drl += "\nrule \"hostile\"\nruleflow-group \"criteria\"\nwhen\nthen\n"
                + "    Runtime.getRuntime().exec( new String[] { \"touch\", \"" + marker() + "\" } );\nend\n";
        JsonNode errors = refused(Map.of("meixian.drl", drl.getBytes(StandardCharsets.UTF_8)));
        JsonNode e = errors.get(0);
        assertEquals("rules-drl/meixian/meixian.drl", e.get("file").asText());
        assertEquals(line, e.get("line").asInt(), e.toString());
        assertTrue(e.get("message").asText().contains("\"Runtime\""), e.toString());
    }

    @Test
    void anActionTemplateThatRunsACommandIsRefusedAtItsCell() throws Exception {
        Path home = PackCopy.copy("meixian", dir.resolve("staff"));
        Path xlsx = home.resolve("decision-tables/meixian/meixian.xlsx");
        PackCopy.editWorkbook(xlsx, wb -> wb.getSheet("问题").getRow(8).getCell(2).setCellValue(
                "insert(Criterion.problemLabel(drools, \"$param\")); Runtime.getRuntime().exec(new String[] {\"touch\", \""
                        + marker() + "\"});"));
        JsonNode e = refused(Map.of("meixian.xlsx", Files.readAllBytes(xlsx))).get(0);
        assertEquals("decision-tables/meixian/meixian.xlsx", e.get("file").asText());
        assertEquals("问题", e.get("sheet").asText());
        assertEquals("C9", e.get("cell").asText());
        assertTrue(e.get("message").asText().contains("\"Runtime\""), e.toString());
    }

    @Test
    void aFractionInAWholeNumberCellIsRefusedAtItsCellNotStoredToFailEveryGrade() throws Exception {
        Path home = PackCopy.copy("meixian", dir.resolve("staff"));
        Path xlsx = home.resolve("decision-tables/meixian/meixian.xlsx");
        PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "gapDays").getCell(2).setCellValue(5.5));
        JsonNode e = refused(Map.of("meixian.xlsx", Files.readAllBytes(xlsx))).get(0);
        assertEquals("参数", e.get("sheet").asText());
        assertEquals("C14", e.get("cell").asText());
        assertTrue(e.get("message").asText().contains("whole number"), e.toString());
        // The service grades with the version it had.
        assertEquals(200, client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian"))).status());
    }
}
