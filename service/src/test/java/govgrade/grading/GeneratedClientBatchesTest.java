package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client generated from the served document sends every property it knows: each optional list
 * present and empty, each optional scalar null. Such a batch grades as the one that left them out.
 */
class GeneratedClientBatchesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"luoshan", "qingshen", "shangqiu", "meixian", "shangnan"})
    void everyOptionalPropertySentEmptyGradesAsLeftOut(String pack) throws Exception {
        Path original = Fixtures.batch(pack);
        JsonNode schemas = document().path("components").path("schemas");
        JsonNode batch = JSON.readTree(original.toFile());
        int filled = fill(batch, schemas.path("FactBatch"), schemas);
        assertTrue(filled > 0, "the fixture already names every property: nothing was tried");
        Path asGenerated = dir.resolve(pack + ".json");
        Files.writeString(asGenerated, JSON.writeValueAsString(batch));

        GradedRun expected = Fixtures.grade(original, Fixtures.HOME);
        GradedRun actual = Fixtures.grade(asGenerated, Fixtures.HOME);
        assertEquals(expected.results(), actual.results());
        assertEquals(expected.summaries(), actual.summaries());
    }

    /** Adds each optional property the value leaves out, as a generated client sends it; the count added. */
    private static int fill(JsonNode value, JsonNode schema, JsonNode schemas) {
        schema = resolve(schema, schemas);
        int added = 0;
        if (value instanceof ArrayNode array && schema.has("items")) {
            for (JsonNode element : array) {
                added += fill(element, schema.get("items"), schemas);
            }
        } else if (value instanceof ObjectNode object && schema.has("properties")) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (object.has(p.getKey())) {
                    added += fill(object.get(p.getKey()), p.getValue(), schemas);
                } else if (!required.contains(p.getKey())) {
                    boolean list = "array".equals(resolve(p.getValue(), schemas).path("type").asText());
                    if (list) {
                        object.putArray(p.getKey());
                    } else {
                        object.putNull(p.getKey());
                    }
                    added++;
                }
            }
        }
        return added;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        while (schema.has("$ref")) {
            schema = schemas.path(schema.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        return schema;
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = GeneratedClientBatchesTest.class.getResourceAsStream("/openapi.json")) {
            return JSON.readTree(in);
        }
    }
}
