package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the maintained OpenAPI description (src/main/resources/openapi.json) to the routes the
 * server registers ({@link Route#ALL}), and to itself: every operation named and answered, every
 * reference resolvable, every path parameter declared.
 */
class OpenApiTest {

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi.json")) {
            assertNotNull(in, "openapi.json is not on the classpath (src/main/resources/openapi.json)");
            doc = new ObjectMapper().readTree(in);
        }
        assertTrue(doc != null && doc.isObject(), "openapi.json is not a JSON object");
    }

    @Test
    void declaresAnOpenApi3Document() {
        String version = doc.path("openapi").asText("");
        assertTrue(version.startsWith("3."), "openapi version should start with 3., was \"" + version + "\"");
    }

    @Test
    void describesExactlyTheRoutesTheServerRegisters() {
        Set<String> registered = new TreeSet<>();
        for (Route r : Route.ALL) {
            registered.add(r.method().toUpperCase(Locale.ROOT) + " " + r.path());
        }
        Set<String> described = new TreeSet<>();
        for (Operation op : operations()) {
            described.add(op.method().toUpperCase(Locale.ROOT) + " " + op.path());
        }
        Set<String> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(described);
        Set<String> unserved = new TreeSet<>(described);
        unserved.removeAll(registered);
        assertEquals(registered, described, "openapi.json and Route.ALL differ:"
                + "\n  registered but not described: " + undocumented
                + "\n  described but not registered: " + unserved);
    }

    @Test
    void namesEveryOperationAndGivesItASuccessResponse() {
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new LinkedHashSet<>();
        for (Operation op : operations()) {
            String where = op.method().toUpperCase(Locale.ROOT) + " " + op.path();
            String id = op.node().path("operationId").asText("");
            if (id.isBlank()) {
                problems.add(where + ": no operationId");
            } else if (!operationIds.add(id)) {
                problems.add(where + ": operationId " + id + " is used twice");
            }
            if (op.node().path("summary").asText("").isBlank()) {
                problems.add(where + ": no summary");
            }
            boolean success = false;
            for (Iterator<String> codes = op.node().path("responses").fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                success |= code.matches("2(\\d\\d|XX)");
            }
            if (!success) {
                problems.add(where + ": no 2xx response");
            }
        }
        assertTrue(problems.isEmpty(), "operations incompletely described:\n  " + String.join("\n  ", problems));
    }

    @Test
    void resolvesEveryReferenceToAComponent() {
        List<String> broken = new ArrayList<>();
        collectBrokenRefs(doc, "#", broken);
        assertTrue(broken.isEmpty(), "$ref that resolve to nothing under components:\n  " + String.join("\n  ", broken));
    }

    @Test
    void declaresEveryPathParameterOnEachOfItsOperations() {
        List<String> problems = new ArrayList<>();
        for (Operation op : operations()) {
            String where = op.method().toUpperCase(Locale.ROOT) + " " + op.path();
            Set<String> declared = new TreeSet<>();
            // Parameters may sit on the path item (shared) or on the operation.
            addPathParameters(op.pathItem().path("parameters"), declared);
            addPathParameters(op.node().path("parameters"), declared);
            Matcher m = PATH_PARAM.matcher(op.path());
            Set<String> inPath = new TreeSet<>();
            while (m.find()) {
                inPath.add(m.group(1));
            }
            for (String name : inPath) {
                if (!declared.contains(name)) {
                    problems.add(where + ": {" + name + "} is not declared as an \"in: path\" parameter");
                }
            }
            for (String name : declared) {
                if (!inPath.contains(name)) {
                    problems.add(where + ": declares path parameter " + name + " the path does not have");
                }
            }
        }
        assertTrue(problems.isEmpty(), "path parameters:\n  " + String.join("\n  ", problems));
    }

    private record Operation(String path, String method, JsonNode pathItem, JsonNode node) {
    }

    private static List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        JsonNode paths = doc.path("paths");
        assertTrue(paths.isObject(), "openapi.json has no paths object");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (HTTP_METHODS.contains(op.getKey())) {
                    out.add(new Operation(item.getKey(), op.getKey(), item.getValue(), op.getValue()));
                }
            }
        }
        return out;
    }

    private static void addPathParameters(JsonNode parameters, Set<String> into) {
        for (JsonNode p : parameters) {
            JsonNode resolved = p.has("$ref") ? resolve(p.get("$ref").asText()) : p;
            if (resolved != null && "path".equals(resolved.path("in").asText())) {
                into.add(resolved.path("name").asText());
            }
        }
    }

    private static void collectBrokenRefs(JsonNode node, String where, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String target = ref.asText();
                if (!target.startsWith("#/components/") || resolve(target) == null) {
                    broken.add(where + " -> " + target);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collectBrokenRefs(e.getValue(), where + "/" + e.getKey(), broken);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectBrokenRefs(node.get(i), where + "/" + i, broken);
            }
        }
    }

    /** A local JSON pointer ({@code #/components/schemas/Error}), or null where it leads nowhere. */
    private static JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode target = doc.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }
}
