package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade --earlier}: an earlier month's result file, as grade printed it, read as that month. */
class EarlierFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        out = new StringWriter();
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void julysPrintedResultIsReadAsJulyAndNamedByItsRunId() throws Exception {
        assertEquals(0, run("grade", "fixtures/wuding/wuding_2024_07.json"), err.toString());
        Path july = dir.resolve("july-result.json");
        Files.writeString(july, out.toString());
        String julyRun = JSON.readTree(out.toString()).get("run").asText();
        Path september = onlyAugust();

        assertEquals(0, run("grade", september.toString(), "--earlier", july.toString()), err.toString());
        JsonNode tax = unit(JSON.readTree(out.toString()), "wd-u9");
        assertEquals("连续三个月动态信息发布量为零", tax.at("/problems/1/label").asText(), tax.toString());
        assertEquals(julyRun, tax.at("/earlier/1/run").asText(), tax.toString());

        assertEquals(0, run("grade", september.toString()), err.toString());
        assertEquals("连续两个月动态信息发布量为零", unit(JSON.readTree(out.toString()), "wd-u9")
                .at("/problems/1/label").asText());
    }

    @Test
    void aBatchGivenAsAnEarlierResultIsRefusedSayingWhatToGiveInstead() throws Exception {
        Path september = onlyAugust();
        assertEquals(BatchFile.BAD_BATCH, run("grade", september.toString(), "--earlier",
                "fixtures/wuding/wuding_2024_07.json"));
        assertTrue(err.toString().contains("a fact batch, not a result"), err.toString());
    }

    @Test
    void aResultOfAnotherPackIsRefused() throws Exception {
        assertEquals(0, run("grade", "fixtures/shangnan/shangnan.json"), err.toString());
        Path other = dir.resolve("shangnan-result.json");
        Files.writeString(other, out.toString());
        assertEquals(BatchFile.BAD_BATCH, run("grade", onlyAugust().toString(), "--earlier", other.toString()));
        assertTrue(err.toString().contains("a result of pack shangnan, not of wuding"), err.toString());
    }

    private Path onlyAugust() throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Path.of("fixtures/wuding/wuding_2024_09.json").toFile());
        ((ArrayNode) b.get("earlier")).remove(1);
        Path p = dir.resolve("september.json");
        JSON.writeValue(p.toFile(), b);
        return p;
    }

    private static JsonNode unit(JsonNode run, String id) {
        for (JsonNode r : run.get("results")) {
            if (r.at("/subject/id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no result " + id);
    }
}
