package govgrade.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a batch from JSON and validates it. Binding is strict (no "5" for 5, no 5.5 for a count,
 * no unknown field) so a client's typo is reported at its path instead of silently ignored.
 */
public final class BatchReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("govgrade-posts").setDeserializerModifier(PostsDeserializer.modifier()))
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Keep each instant's own offset: an unanswered message waits until the end of the
            // check date in the time zone it was received in, not in UTC.
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private BatchReader() {
    }

    /** Reads and validates a batch; {@code packFromUrl} (may be null) stands in for a missing {@code pack}. */
    public static Batch read(InputStream json, String packFromUrl) throws BatchRejected, IOException {
        Batch batch;
        try {
            batch = MAPPER.readValue(json, Batch.class);
        } catch (JsonMappingException e) {
            throw new BatchRejected(List.of(describe(e)));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new BatchRejected(List.of(new Violation("$", "malformed JSON" + where, "a JSON object: "
                    + e.getOriginalMessage())));
        }
        if (batch == null) {
            throw new BatchRejected(List.of(new Violation("$", "null", "a JSON object with pack, period and facts")));
        }
        if (packFromUrl != null && (batch.pack() == null || batch.pack().isBlank())) {
            batch = new Batch(packFromUrl, batch.period(), batch.units(), batch.accounts(), batch.columns(),
                    batch.activity());
        }
        List<Violation> violations = BatchValidator.validate(batch);
        if (!violations.isEmpty()) {
            throw new BatchRejected(violations);
        }
        return batch;
    }

    static Violation describe(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            }
            known.sort(null);
            return new Violation(path, "unknown field \"" + u.getPropertyName() + "\"",
                    "one of " + String.join(", ", known));
        }
        if (e instanceof InvalidFormatException f) {
            return new Violation(path, quote(f.getValue()), expectedFor(f.getTargetType(), e));
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException iae) {
            // Our own parsers (platform, cadence, group, channel) say what they accept.
            String msg = iae.getMessage();
            int cut = msg.indexOf("; expected ");
            return cut < 0 ? new Violation(path, "an invalid value", msg)
                    : new Violation(path, msg.substring(0, cut), msg.substring(cut + "; expected ".length()));
        }
        if (e.getCause() instanceof DateTimeParseException d) {
            return new Violation(path, quote(d.getParsedString()), "a date YYYY-MM-DD or an ISO-8601 instant");
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Trailing token")) {
            return new Violation(path, "trailing content after the batch object", "exactly one JSON object");
        }
        if (original.startsWith("No content to map")) {
            return new Violation(path, "an empty body", "a JSON object with pack, period and facts");
        }
        if (e instanceof MismatchedInputException m) {
            Class<?> target = m.getTargetType();
            return new Violation(path, describeToken(e), expectedFor(target, e));
        }
        return new Violation(path, "an invalid value", e.getOriginalMessage());
    }

    private static String describeToken(JsonMappingException e) {
        String msg = e.getOriginalMessage();
        int i = msg.indexOf("from ");
        if (msg.contains("String value")) {
            // Jackson writes the value as (String value ("5")).
            int q = msg.indexOf("(\"");
            int end = q < 0 ? -1 : msg.indexOf("\")", q + 2);
            return end > q ? "the string " + msg.substring(q + 1, end + 1) : "a string";
        }
        if (msg.contains("Floating-point")) {
            return "a number with a fraction";
        }
        if (msg.contains("Array value") || msg.contains("START_ARRAY")) {
            return "an array";
        }
        if (msg.contains("Object value") || msg.contains("START_OBJECT")) {
            return "an object";
        }
        if (msg.contains("Boolean value")) {
            return "a boolean";
        }
        if (msg.contains("Integer value")) {
            return "a whole number";
        }
        return i >= 0 ? msg.substring(i, Math.min(msg.length(), i + 60)) : "a value of the wrong type";
    }

    private static String expectedFor(Class<?> type, JsonMappingException e) {
        if (type == null) {
            return "a valid value";
        }
        String name = type.getSimpleName();
        return switch (name) {
            case "Integer", "int" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            case "LocalDate" -> "a date YYYY-MM-DD";
            case "OffsetDateTime" -> "an ISO-8601 instant such as 2020-12-03T09:00:00+08:00";
            case "List", "ArrayList" -> "an array";
            default -> type.isRecord() ? "an object" : "a valid " + name;
        };
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }

    static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /** The shared mapper configuration, for writers that must round-trip what this reads. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
