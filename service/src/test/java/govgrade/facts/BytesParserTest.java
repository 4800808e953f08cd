package govgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An array skipped over its bytes leaves the parser where reading it token by token would. */
class BytesParserTest {
    private static final JsonFactory BYTES = new BytesParser.Factory(new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build()));

    @Test
    void goesOnAfterASkippedArrayAsAfterAReadOne() throws Exception {
        String json = "\uFEFF{\"a\":[1,[2,3],{\"x\":4}], \"b\" : [ ]\n,\"c\":{\"d\":[5,\"]\"]},\"e\":6}";
        Set<String> arrays = Set.of("a", "b", "d");
        assertEquals(tokens(json, arrays, false), tokens(json, arrays, true));
    }

    /** The nesting limit counts open arrays: one skipped is closed, however many are skipped. */
    @Test
    void skipsMoreArraysThanTheNestingLimit() throws Exception {
        String json = "{\"a\":[" + "{\"p\":[1,2]},".repeat(100) + "{\"p\":[]}]}";
        List<String> read = tokens(json, Set.of("p"), false);
        assertEquals(read, tokens(json, Set.of("p"), true));
        // {, a, [, then per element {, p, [, ] (skipped), }, then ], }
        assertEquals(3 + 101 * 5 + 2, read.size());
    }

    @Test
    void refusesToSkipToWhatIsNotTheArraysEnd() throws Exception {
        byte[] b = "{\"a\":[1,2],\"b\":3}".getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = BYTES.createParser(b)) {
            BytesParser bp = assertInstanceOf(BytesParser.class, p);
            p.nextToken();
            p.nextToken();
            assertThrows(IllegalStateException.class, () -> bp.skipArray(10));
            p.nextToken();
            assertThrows(IllegalStateException.class, () -> bp.skipArray(9));
        }
    }

    /**
     * Every token with its path and depth; each array that is the value of a field named in
     * {@code arrays} is passed over: skipped to where Jackson's own parser, reading the same bytes,
     * finds its end ({@code skip}), or read token by token.
     */
    private static List<String> tokens(String json, Set<String> arrays, boolean skip) throws Exception {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        try (JsonParser p = BYTES.createParser(b); JsonParser ref = BYTES.createParser(b)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                ref.nextToken();
                out.add(t + " " + p.getParsingContext().pathAsPointer() + " " + p.getParsingContext().getNestingDepth());
                if (t == JsonToken.START_ARRAY && arrays.contains(p.getParsingContext().getParent().getCurrentName())) {
                    ref.skipChildren();
                    if (skip) {
                        ((BytesParser) p).skipArray((int) ref.currentLocation().getByteOffset());
                    } else {
                        p.skipChildren();
                    }
                    out.add(p.currentToken() + " " + p.getParsingContext().pathAsPointer() + " "
                            + p.getParsingContext().getNestingDepth());
                }
            }
        }
        return out;
    }
}
