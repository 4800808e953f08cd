package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds a live answer to the served document: the operation must list the answer's status, with
 * the answer's content type, and a JSON body must satisfy that response's schema as
 * networknt's json-schema-validator reads it (its OpenAPI 3.0 dialect: nullable, the document's
 * $refs). The validator is someone else's reading of the schema, which is the point.
 */
final class DocumentAnswers {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENT = "classpath:openapi.json";
    private final JsonNode doc;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    private int checked;

    DocumentAnswers() throws Exception {
        try (var in = DocumentAnswers.class.getResourceAsStream("/openapi.json")) {
            doc = JSON.readTree(in);
        }
    }

    int checked() {
        return checked;
    }

    /** {@code path} as the document spells it ({@code /api/v1/runs/{run}}), {@code method} lower case. */
    void check(String method, String path, TestClient.Response r) {
        String where = method.toUpperCase() + " " + path + " " + r.status();
        JsonNode op = doc.path("paths").path(path).path(method);
        assertTrue(op.isObject(), "the document has no operation " + method + " " + path);
        JsonNode response = op.path("responses").path(String.valueOf(r.status()));
        assertTrue(!response.isMissingNode(), where + " is answered, but the document does not list "
                + r.status() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        String pointer = "#/paths/" + escape(path) + "/" + method + "/responses/" + r.status();
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText();
            response = at(pointer);
        }
        String type = r.headers().getOrDefault("content-type", List.of("")).get(0);
        String media = type.split(";")[0].trim();
        JsonNode content = response.path("content");
        assertTrue(content.has(media), where + " answers " + type + ", the document says "
                + content.propertyNames());
        if (media.equals("application/json")) {
            String location = DOCUMENT + pointer + "/content/" + escape(media) + "/schema";
            Schema schema = registry.getSchema(SchemaLocation.of(location));
            List<Error> errors = schema.validate(new String(r.body(), StandardCharsets.UTF_8), InputFormat.JSON);
            if (!errors.isEmpty()) {
                fail(where + " does not fit its schema: " + errors.stream().limit(10)
                        .map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList());
            }
        } else {
            assertEquals(media, type.trim(), where + ": a binary answer carries no parameters (charset)");
        }
        checked++;
    }

    /** Every example of a schema in the document fits the schema it illustrates. */
    void checkExamples() {
        JsonNode schemas = doc.path("components").path("schemas");
        for (String name : schemas.propertyNames()) {
            JsonNode example = schemas.get(name).get("example");
            if (example != null) {
                Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + name));
                List<Error> errors = schema.validate(example);
                assertTrue(errors.isEmpty(), "the example of " + name + " does not fit it: " + errors);
                checked++;
            }
        }
    }

    private JsonNode at(String ref) {
        JsonNode n = doc;
        for (String part : ref.substring(2).split("/")) {
            n = n.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return n;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
