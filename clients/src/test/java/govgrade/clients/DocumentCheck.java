package govgrade.clients;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served document as a checklist: its operations (which a suite must each exercise) and, for
 * an answer a client received, whether the operation lists that status and content type and its
 * schema admits the body, as networknt's json-schema-validator (OpenAPI 3.0 dialect) reads it;
 * the validator OpenApiAnswersTest uses, so the clients and the server's own tests read the
 * document the same way. Mismatches are collected, not thrown, since they are found inside a
 * client's transport where an exception would become the client's own error.
 */
final class DocumentCheck {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENT = "classpath:openapi.json";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private final JsonNode doc;
    private final Map<String, Pattern> operations = new LinkedHashMap<>();
    private final Map<String, String> templates = new LinkedHashMap<>();
    private final Set<String> exercised = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    private int checked;

    DocumentCheck() {
        try (InputStream in = DocumentCheck.class.getResourceAsStream("/openapi.json")) {
            doc = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String path : doc.path("paths").propertyNames()) {
            for (String method : doc.path("paths").path(path).propertyNames()) {
                if (METHODS.contains(method)) {
                    String id = doc.path("paths").path(path).path(method).path("operationId").asText();
                    operations.put(id, Pattern.compile(method.toUpperCase() + " "
                            + path.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.")));
                    templates.put(id, method + " " + path);
                }
            }
        }
    }

    JsonNode document() {
        return doc;
    }

    /** Every operationId of the document, in its order. */
    Set<String> operations() {
        return operations.keySet();
    }

    Set<String> exercised() {
        return Set.copyOf(exercised);
    }

    List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    synchronized int checked() {
        return checked;
    }

    /** One answer as a client received it; {@code path} is the request's path, without the query. */
    void answer(String method, String path, int status, String contentType, byte[] body) {
        String id = operationOf(method, path);
        String where = method + " " + path + " " + status;
        if (id == null) {
            mismatches.add(where + ": the document has no operation for it");
            return;
        }
        exercised.add(id);
        String[] t = templates.get(id).split(" ", 2);
        JsonNode response = doc.path("paths").path(t[1]).path(t[0]).path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            mismatches.add(where + " (" + id + "): the document does not list " + status + ": "
                    + new String(body, StandardCharsets.UTF_8));
            return;
        }
        String pointer = "#/paths/" + escape(t[1]) + "/" + t[0] + "/responses/" + status;
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText();
            response = at(pointer);
        }
        String type = contentType == null ? "" : contentType;
        String media = type.split(";")[0].trim();
        if (!response.path("content").has(media)) {
            mismatches.add(where + " (" + id + ") answers " + type + ", the document says "
                    + response.path("content").propertyNames());
            return;
        }
        if (media.equals("application/json")) {
            Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + pointer + "/content/"
                    + escape(media) + "/schema"));
            List<Error> errors = schema.validate(new String(body, StandardCharsets.UTF_8), InputFormat.JSON);
            if (!errors.isEmpty()) {
                mismatches.add(where + " (" + id + ") does not fit its schema: " + errors.stream().limit(10)
                        .map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList());
            }
        }
        synchronized (this) {
            checked++;
        }
    }

    private String operationOf(String method, String path) {
        String key = method.toUpperCase() + " " + path;
        for (Map.Entry<String, Pattern> op : operations.entrySet()) {
            if (op.getValue().matcher(key).matches()) {
                return op.getKey();
            }
        }
        return null;
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
