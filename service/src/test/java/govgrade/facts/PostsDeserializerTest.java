package govgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast posts reader against Jackson's own: the same posts for what it accepts, and for what
 * it hands back to Jackson the very violation Jackson alone gives, at the same path.
 */
class PostsDeserializerTest {
    /** BatchReader's mapper as it was before the fast reader: Jackson's deserializers only. */
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private static String batch(String posts) {
        return """
                { "pack": "shangqiu",
                  "period": { "from": "2020-10-01", "to": "2020-12-31" },
                  "accounts": [
                    { "id": "a1", "name": "一号", "platform": "wechat", "posts": [ { "date": "2020-10-02" } ] },
                    { "id": "a2", "name": "二号", "platform": "weibo", "posts": %s } ] }
                """.formatted(posts);
    }

    private static Violation plain(String json) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> PLAIN.readValue(json, Batch.class));
        return BatchReader.describe(e);
    }

    private static Violation fast(String json) {
        BatchRejected e = assertThrows(BatchRejected.class, () -> BatchReader.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null));
        return e.violations().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[ { \"date\": \"2020-10-05\", \"colour\": \"red\" } ]",
        "[ { \"original\": true, \"colour\": \"red\", \"date\": \"2020-10-05\" } ]",
        "[ { \"date\": \"2020-10-05\" }, { \"date\": \"2020-13-01\", \"original\": true } ]",
        "[ { \"date\": \"2020-10-05\", \"original\": \"yes\" } ]",
        "[ { \"date\": \"2020-10-05\", \"recommended\": 1 } ]",
        "[ { \"date\": 20201005 } ]",
        "[ { \"date\": \"2020-02-30\" } ]",
        "[ { \"date\": \"20-10-2020\" } ]",
        "[ { \"date\": [ \"2020-10-05\" ] } ]",
        "[ { \"date\": \"2020-10-05\" }, [ \"2020-10-06\" ] ]",
        "[ { \"date\": \"2020-10-05\" }, \"2020-10-06\" ]",
        "\"2020-10-05\"",
        "{ \"date\": \"2020-10-05\" }",
        "[ { \"date\": \"2020-10-05\", \"original\": true, \"original\": { \"a\": 1 } } ]",
    })
    void handsWhatItDoesNotTakeToJacksonWithTheSameViolation(String posts) {
        String json = batch(posts);
        assertEquals(plain(json), fast(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[ { \"date\": \"2020-10-05\", \"original\": true, \"recommended\": false } ]",
        "[ { \"recommended\": true, \"original\": false, \"date\": \"2020-12-31\" }, null, { } ]",
        "[ { \"date\": \"2020-10-05\", \"original\": null } ]",
        "[ { \"date\": \"2020-10-05\", \"date\": \"2020-10-06\" } ]",
        "[ { \"date\": \" 2020-10-05\" } ]",
        "[ ]",
        "null",
    })
    void readsThePostsJacksonReads(String posts) throws Exception {
        String json = batch(posts);
        Batch expected = PLAIN.readValue(json, Batch.class);
        Batch actual = BatchReader.mapper().readValue(json, Batch.class);
        assertEquals(expected.accounts().get(1).posts(), actual.accounts().get(1).posts());
    }

    @Test
    void equalPostsAreOneInstance() throws Exception {
        Batch b = BatchReader.mapper().readValue(batch(
                "[ { \"date\": \"2020-10-05\", \"original\": true }, { \"original\": true, \"date\": \"2020-10-05\" } ]"),
                Batch.class);
        List<Batch.Post> posts = b.accounts().get(1).posts();
        assertSame(posts.get(0), posts.get(1));
        assertEquals(new Batch.Post(LocalDate.of(2020, 10, 5), true, null), posts.get(0));
    }
}
