package govgrade.grading;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;

/**
 * The one codec of graded results (and of the answers built from them, such as a what-if): how
 * they are written (ISO dates, plain decimals: 30.4, never 3.04E+1) and how a stored or printed
 * one is read back.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    /**
     * Decimals in {@code because} facts stay the decimals written (a double would turn 30.4 into
     * 30.399...); fields a newer version added do not stop an older one reading a result.
     */
    private static final ObjectReader READER = MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ResultJson() {
    }

    /** The configured mapper, for writers that stream (a national result is about 85 MB of JSON). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as compact UTF-8 JSON: the form the service stores and answers. */
    public static byte[] write(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** {@code value} as indented JSON to {@code out}, which is left open: the form the command line prints. */
    public static void writePretty(Writer out, Object value) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
    }

    /** A graded run as written by {@link #write} or {@link #writePretty}. */
    public static GradedRun readRun(byte[] json) throws IOException {
        return read(json, GradedRun.class);
    }

    /** Any answer this codec wrote (a graded run, a what-if ...). */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return READER.forType(type).readValue(json);
    }

    /** As {@link #read(byte[], Class)}, bound as it is read: a national result is never held as bytes or a tree. */
    public static <T> T read(InputStream json, Class<T> type) throws IOException {
        return READER.forType(type).readValue(json);
    }

    /** As {@link #read(byte[], Class)}, for a document already parsed to tell what it is. */
    public static <T> T read(JsonNode json, Class<T> type) throws JsonProcessingException {
        return READER.forType(type).treeToValue(json, type);
    }

    /** A document parsed as a tree, numbers kept as written; null where the bytes are not JSON. */
    public static JsonNode tree(byte[] json) throws IOException {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
