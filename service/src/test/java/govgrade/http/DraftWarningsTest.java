package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A draft's answer lists the rows it leaves without effect, at their cells; a clean draft lists none. */
@Tag("slow") // a draft runs the pack tests (about 25 s under load)
class DraftWarningsTest extends ServiceOnAPort {

    @Test
    void aDraftThatDropsTheVetoRuleIsWarnedThatTheProblemGradeDoesNothing() throws Exception {
        String drl = Files.readString(Path.of("rules-drl/shangqiu/shangqiu.drl"))
                .replace("// include: veto, findings, pass", "// include: findings, pass");
        TestClient.Response r = client.upload("/api/v1/packs/shangqiu/drafts",
                Map.of("shangqiu.drl", drl.getBytes(StandardCharsets.UTF_8)), TOKEN);
        assertEquals(201, r.status(), r.text());
        JsonNode warnings = r.json().get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        JsonNode w = warnings.get(0);
        assertEquals("decision-tables/shangqiu/shangqiu.xlsx", w.get("file").asText());
        assertEquals("问题", w.get("sheet").asText());
        assertEquals("D11", w.get("cell").asText());
        assertTrue(w.get("message").asText().contains("no rule of the pack applies vetoes"), w.toString());
        assertTrue(r.json().get("changesPublishedFigures").asBoolean(), "the vetoed accounts pass now");

        byte[] again = Files.readAllBytes(Path.of("rules-drl/shangqiu/shangqiu.drl"));
        TestClient.Response clean = client.upload("/api/v1/packs/shangqiu/drafts",
                Map.of("shangqiu.drl", (new String(again, StandardCharsets.UTF_8) + "\n// 备注\n")
                        .getBytes(StandardCharsets.UTF_8)), TOKEN);
        assertEquals(201, clean.status(), clean.text());
        assertEquals(0, clean.json().get("warnings").size(), clean.text());
    }

    @Test
    void aDraftIncludeTakesInTheLibraryFileAndAnUnknownOneIsRefusedAtItsLine() throws Exception {
        String drl = Files.readString(Path.of("rules-drl/luoshan/luoshan.drl"));
        TestClient.Response r = client.upload("/api/v1/packs/luoshan/drafts", Map.of("luoshan.drl",
                drl.replace("// include: stale", "// include: stale, findings").getBytes(StandardCharsets.UTF_8)), TOKEN);
        assertEquals(201, r.status(), r.text());
        assertEquals(0, r.json().get("warnings").size(), r.text());

        int line = (int) drl.lines().takeWhile(l -> !l.equals("// include: stale")).count() + 1;
        TestClient.Response bad = client.upload("/api/v1/packs/luoshan/drafts", Map.of("luoshan.drl",
                drl.replace("// include: stale", "// include: stale, stail").getBytes(StandardCharsets.UTF_8)), TOKEN);
        assertTrue(bad.status() == 400 || bad.status() == 422, bad.text());
        JsonNode e = bad.json().get("errors").get(0);
        assertEquals("rules-drl/luoshan/luoshan.drl", e.get("file").asText(), bad.text());
        assertEquals(line, e.get("line").asInt(), bad.text());
        assertTrue(e.get("message").asText().contains("rules-lib/stail.drl"), bad.text());
    }
}
