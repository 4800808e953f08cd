package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served document as tools read it: swagger-parser (what openapi-generator builds on) reads
 * it with no message, and the rules Redocly's linter failed it on hold (a `nullable` always beside
 * a `type`, every operation under a security requirement).
 */
class OpenApiLintTest {

    private static String document() throws Exception {
        try (InputStream in = OpenApiLintTest.class.getResourceAsStream("/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void swaggerParserReadsItWithoutAMessage() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult r = new OpenAPIParser().readContents(document(), null, options);
        assertNotNull(r.getOpenAPI(), String.valueOf(r.getMessages()));
        assertEquals(List.of(), r.getMessages());
    }

    @Test
    void everyNullableHasATypeBesideIt() throws Exception {
        List<String> bare = new ArrayList<>();
        walk(ServiceOnAPort.JSON.readTree(document()), "#", bare);
        assertEquals(List.of(), bare);
    }

    @Test
    void everyOperationIsUnderASecurityRequirement() throws Exception {
        JsonNode doc = ServiceOnAPort.JSON.readTree(document());
        boolean byDefault = doc.path("security").isArray() && !doc.path("security").isEmpty();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                assertTrue(byDefault || op.getValue().has("security"), op.getKey() + " " + p.getKey());
            }
        }
    }

    private static void walk(JsonNode n, String at, List<String> bare) {
        if (n.isObject()) {
            if (n.path("nullable").asBoolean(false) && !n.has("type")) {
                bare.add(at);
            }
            n.fields().forEachRemaining(e -> walk(e.getValue(), at + "/" + e.getKey(), bare));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), at + "/" + i, bare);
            }
        }
    }
}
