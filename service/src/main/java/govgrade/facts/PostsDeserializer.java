package govgrade.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserSequence;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.util.ClassUtil;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds an account's {@code posts} array quickly. A national batch has millions of posts, and
 * Jackson's own way (a record built through its creator, each date through a DateTimeFormatter)
 * was most of the time spent reading a batch.
 *
 * <p>A post in the plain shape ({@code date} as YYYY-MM-DD, {@code original} and
 * {@code recommended} as true or false, each at most once) is read here, and equal posts share one
 * instance (records are values; a quarter has 92 days, so 4.5 million posts are a few hundred
 * distinct ones). Anything else, from a null to a misspelt field, is handed to Jackson's own
 * deserializers at the token where it differs, tokens already read replayed first, so every
 * error is the one Jackson gives, at the same JSON path.
 */
final class PostsDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;
    /** Posts in 1970-2099 are shared; others are made as read. */
    private static final int FIRST_YEAR = 1970;
    private static final int YEARS = 130;
    private static final LocalDate[] DATES = new LocalDate[YEARS * 372];
    private static final Batch.Post[] POSTS = new Batch.Post[DATES.length * 9];

    /** Jackson's deserializer for one post: the fallback. Null until contextualised. */
    private final transient JsonDeserializer<Object> post;

    private PostsDeserializer(JsonDeserializer<?> standard, JsonDeserializer<Object> post) {
        super(standard);
        this.post = post;
    }

    /** Puts this in place of Jackson's deserializer for every {@code List<Batch.Post>}. */
    static BeanDeserializerModifier modifier() {
        return new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription beanDesc,
                                                                    JsonDeserializer<?> deserializer) {
                return type.getContentType().hasRawClass(Batch.Post.class)
                        ? new PostsDeserializer(deserializer, null) : deserializer;
            }
        };
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new PostsDeserializer(newDelegatee, post);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> standard = ctxt.handleSecondaryContextualization(_delegatee, property,
                ctxt.constructType(_delegatee.handledType()));
        return new PostsDeserializer(standard, ctxt.findContextualValueDeserializer(
                ctxt.constructType(Batch.Post.class), property));
    }

    @Override
    public boolean isCachable() {
        return false;
    }

    /** As Jackson's CollectionDeserializer reads an array: nulls kept, errors given the element's index. */
    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (post == null || !p.isExpectedStartArrayToken()) {
            return _delegatee.deserialize(p, ctxt);
        }
        List<Batch.Post> result = new ArrayList<>(32);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            try {
                result.add(t == JsonToken.VALUE_NULL ? null : post(p, ctxt));
            } catch (Exception e) {
                if (!ctxt.isEnabled(DeserializationFeature.WRAP_EXCEPTIONS)) {
                    ClassUtil.throwIfRTE(e);
                }
                throw JsonMappingException.wrapWithPath(e, result, result.size());
            }
        }
        return result;
    }

    private Batch.Post post(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.START_OBJECT)) {
            return (Batch.Post) post.deserialize(p, ctxt);
        }
        LocalDate date = null;
        Boolean original = null;
        Boolean recommended = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("date".equals(name) && date == null && v == JsonToken.VALUE_STRING) {
                date = date(p);
                if (date != null) {
                    continue;
                }
            } else if ("original".equals(name) && original == null && v != null && v.isBoolean()) {
                original = v == JsonToken.VALUE_TRUE;
                continue;
            } else if ("recommended".equals(name) && recommended == null && v != null && v.isBoolean()) {
                recommended = v == JsonToken.VALUE_TRUE;
                continue;
            }
            return replay(p, ctxt, date, original, recommended, name);
        }
        if (t != JsonToken.END_OBJECT) {
            // Not reachable with a conforming parser; let Jackson say what it makes of it.
            return (Batch.Post) post.deserialize(p, ctxt);
        }
        return shared(date, original, recommended);
    }

    /**
     * Jackson's deserializer takes over at field {@code name}, whose value is the parser's current
     * token: it reads the fields taken so far from a buffer, then the rest from the parser itself.
     */
    private Batch.Post replay(JsonParser p, DeserializationContext ctxt, LocalDate date, Boolean original,
                              Boolean recommended, String name) throws IOException {
        TokenBuffer read = ctxt.bufferForInputBuffering(p);
        read.writeStartObject();
        if (date != null) {
            read.writeStringField("date", date.toString());
        }
        if (original != null) {
            read.writeBooleanField("original", original);
        }
        if (recommended != null) {
            read.writeBooleanField("recommended", recommended);
        }
        read.writeFieldName(name);
        JsonParser both = JsonParserSequence.createFlattened(true, read.asParser(p), p);
        both.nextToken();
        return (Batch.Post) post.deserialize(both, ctxt);
    }

    /** A date written exactly YYYY-MM-DD and valid, or null for Jackson to judge. */
    private static LocalDate date(JsonParser p) throws IOException {
        if (p.getTextLength() != 10) {
            return null;
        }
        char[] c = p.getTextCharacters();
        int o = p.getTextOffset();
        if (c[o + 4] != '-' || c[o + 7] != '-') {
            return null;
        }
        int y = digits(c, o, 4);
        int m = digits(c, o + 5, 2);
        int d = digits(c, o + 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > java.time.Month.of(m).length(java.time.Year.isLeap(y))) {
            return null;
        }
        if (y < FIRST_YEAR || y >= FIRST_YEAR + YEARS) {
            return LocalDate.of(y, m, d);
        }
        int slot = (y - FIRST_YEAR) * 372 + (m - 1) * 31 + (d - 1);
        LocalDate shared = DATES[slot];
        if (shared == null) {
            // A benign race: LocalDate is immutable, two threads at worst make two equal ones.
            shared = LocalDate.of(y, m, d);
            DATES[slot] = shared;
        }
        return shared;
    }

    private static int digits(char[] c, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int digit = c[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            v = v * 10 + digit;
        }
        return v;
    }

    private static Batch.Post shared(LocalDate date, Boolean original, Boolean recommended) {
        if (date == null || date.getYear() < FIRST_YEAR || date.getYear() >= FIRST_YEAR + YEARS) {
            return new Batch.Post(date, original, recommended);
        }
        int slot = ((date.getYear() - FIRST_YEAR) * 372 + (date.getMonthValue() - 1) * 31 + date.getDayOfMonth() - 1) * 9
                + state(original) * 3 + state(recommended);
        Batch.Post shared = POSTS[slot];
        if (shared == null) {
            shared = new Batch.Post(date, original, recommended);
            POSTS[slot] = shared;
        }
        return shared;
    }

    private static int state(Boolean b) {
        return b == null ? 0 : b ? 1 : 2;
    }
}
