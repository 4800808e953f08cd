package govgrade.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Jackson's streaming parser, with the JSON path of the value it stands on and the strict reading
 * of each kind of value CONTRACT.md names. A value of the wrong kind is reported at its path and
 * skipped, and reading goes on: every mistake of a batch is found in one pass (Jackson's data
 * binding stops at the first). Each read leaves the parser on the last token of the value read.
 */
final class JsonCursor {
    private static final int PATH_NAME = 100;

    private final JsonParser p;
    private final Violations out;
    private final int stringChars;
    /** Per open container: the field being read (an object) or the element's index (an array, name null). */
    private String[] names = new String[8];
    private int[] indices = new int[8];
    /** Per open object: its known fields, and which of them were seen (a second one is a duplicate key). */
    private String[][] fields = new String[8][];
    private long[] seen = new long[8];
    /** Per open object: the place among its known fields of the field likely next (after the last one read). */
    private int[] likely = new int[8];
    private int depth;
    /** Known fields as the parser matches them whole; null where names are parsed one by one. */
    private final Map<String[], SerializableString[]> quoted;

    /**
     * {@code expectOrder}: guess that each object's fields come in the order it knows them, as
     * writers of batches write them: the parser then matches the name's bytes whole instead of
     * looking the name up (a post's three names were a sixth of reading a batch), and parses it as
     * usual when the guess is wrong. Only for a byte parser: a malformed batch is read again by the
     * char parser, whose refusals stay worded as they were.
     */
    JsonCursor(JsonParser p, Violations out, int stringChars, boolean expectOrder) {
        this.p = p;
        this.out = out;
        this.stringChars = stringChars;
        this.quoted = expectOrder ? new IdentityHashMap<>() : null;
    }

    JsonToken next() throws IOException {
        return p.nextToken();
    }

    /** The path of the value the cursor stands on: {@code accounts[3].posts[12].date}, or {@code $}. */
    String path() {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            if (names[d] == null) {
                sb.append('[').append(indices[d]).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(Violations.cut(names[d], PATH_NAME));
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }

    /** Enters an object with these known fields; null is no object (false), another value is reported and skipped. */
    boolean startObject(String[] known, String expected) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            wrongUnlessNull(expected);
            return false;
        }
        push(null);
        fields[depth - 1] = known;
        seen[depth - 1] = 0;
        likely[depth - 1] = 0;
        return true;
    }

    /** Moves to the next field's value; a repeated field is reported and skipped. False at the object's end. */
    boolean nextField() throws IOException {
        int d = depth - 1;
        while (true) {
            int i = likelyField(d);
            String name;
            if (i >= 0) {
                name = fields[d][i];
            } else if (p.currentToken() != JsonToken.FIELD_NAME) {
                depth--;
                return false;
            } else {
                name = p.currentName();
                i = indexOf(fields[d], name);
            }
            names[d] = name;
            p.nextToken();
            if (i < 0 || (seen[d] & (1L << i)) == 0) {
                seen[d] |= i < 0 ? 0 : 1L << i;
                likely[d] = i < 0 ? likely[d] : i + 1;
                return true;
            }
            out.unreadable(path(), "the field \"" + name + "\" a second time",
                    "each field once (a repeated key is ambiguous: which one counts?)");
            p.skipChildren();
        }
    }

    /**
     * Moves to the next token. Where names are matched whole and the field is the one after the
     * last known field read, its place among the known fields; else -1 (the name is the parser's).
     */
    private int likelyField(int d) throws IOException {
        String[] known = fields[d];
        int next = likely[d];
        if (quoted == null || next >= known.length) {
            p.nextToken();
            return -1;
        }
        SerializableString[] q = quoted.computeIfAbsent(known, k -> {
            SerializableString[] a = new SerializableString[k.length];
            for (int i = 0; i < k.length; i++) {
                a[i] = new SerializedString(k[i]);
            }
            return a;
        });
        return p.nextFieldName(q[next]) ? next : -1;
    }

    private static int indexOf(String[] known, String name) {
        for (int i = 0; i < known.length; i++) {
            if (known[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    String name() {
        return names[depth - 1];
    }

    /** The parser, for a reader of values this class does not type ({@link FiguresBinder}). */
    JsonParser parser() {
        return p;
    }

    /** Where mistakes go, for the same reader. */
    Violations violations() {
        return out;
    }

    /** The field the cursor stands on is not one the object knows: reported, skipped. */
    void unknownField() throws IOException {
        String[] known = fields[depth - 1].clone();
        Arrays.sort(known);
        out.unreadable(path(), "unknown field " + Violations.quote(name()), "one of " + String.join(", ", known));
        p.skipChildren();
    }

    /** Enters an array; null is no array (false), another value is reported and skipped. */
    boolean startArray(String expected) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            wrongUnlessNull(expected);
            return false;
        }
        push(null);
        indices[depth - 1] = -1;
        return true;
    }

    /**
     * Reads a whole array from the bytes of a body: where the array ends (past its ']'), or -1 to
     * leave it. It may be asked again, from the same array's start, once more of it is held.
     */
    @FunctionalInterface
    interface ArrayScan {
        int scan(byte[] bytes, int from, int end);
    }

    /**
     * Standing on an array just entered ({@link #startArray}), lets {@code scan} read all of it from
     * the body's bytes. True where it did: the cursor is then past the array, as {@link #nextElement}
     * leaves it at the array's end. False where it did not or there are no bytes to read (a
     * character parser): the cursor is where it was.
     */
    boolean scanned(ArrayScan scan) throws IOException {
        if (!(p instanceof BytesParser bytes)) {
            return false;
        }
        int to = scan.scan(bytes.bytes(), bytes.position(), bytes.end());
        if (to < 0 && bytes.readOn()) {
            to = scan.scan(bytes.bytes(), bytes.position(), bytes.end());
        }
        if (to < 0) {
            return false;
        }
        bytes.skipArray(to);
        depth--;
        return true;
    }

    /**
     * Moves to the next element. Past {@code limit} elements the rest are skipped and counted, not
     * read, and the array is reported once as over the limit. False at the array's end.
     */
    boolean nextElement(int limit, String what, String flag) throws IOException {
        int d = depth - 1;
        if (p.nextToken() == JsonToken.END_ARRAY) {
            depth--;
            return false;
        }
        if (++indices[d] < limit) {
            return true;
        }
        long count = limit;
        do {
            p.skipChildren();
            count++;
        } while (p.nextToken() != JsonToken.END_ARRAY);
        depth--;
        out.overLimit(path(), count + " " + what, "at most " + limit + " " + what + " (raise with " + flag + ")");
        return false;
    }

    /** The element index the cursor stands on, inside an array. */
    int index() {
        return indices[depth - 1];
    }

    String string() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            wrongUnlessNull("a string");
            return null;
        }
        int length = p.getTextLength();
        if (length > stringChars) {
            out.overLimit(path(), "a string of " + length + " characters", "at most " + stringChars
                    + " characters (raise with " + BatchLimits.STRING_CHARS + ")");
            return null;
        }
        return p.getText();
    }

    /** A whole JSON number that fits an int; 5.5, 1e3, "5" and 3000000000 are refused. */
    Integer whole() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            out.unreadable(path(), Violations.cut(p.getText(), Violations.ECHO),
                    "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        } else {
            wrongUnlessNull("a whole number");
        }
        return null;
    }

    /** Any JSON number, as written (5, 5.5, 1e3); a string or another value is refused. */
    BigDecimal number() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            if (p.getTextLength() <= 40) {
                return p.getDecimalValue();
            }
            out.unreadable(path(), "the number " + Violations.cut(p.getText(), Violations.ECHO),
                    "a number of at most 40 characters");
            return null;
        }
        wrongUnlessNull("a number");
        return null;
    }

    /** The value the cursor stands on is read but not acceptable here: reported at its path. */
    void refuse(String what, String expected) {
        out.unreadable(path(), what, expected);
    }

    /** The value the cursor stands on is past a limit of {@link BatchLimits}: reported at its path (413). */
    void overLimit(String what, String expected) {
        out.overLimit(path(), what, expected);
    }

    Boolean bool() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        wrongUnlessNull("true or false");
        return null;
    }

    /** A date written YYYY-MM-DD, a real day of a four-digit year: no time, no sign, no fifth digit. */
    LocalDate date() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            wrongUnlessNull("a date YYYY-MM-DD");
            return null;
        }
        LocalDate d = Dates.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (d == null) {
            out.unreadable(path(), Violations.quote(p.getText()), "a date YYYY-MM-DD");
        }
        return d;
    }

    /** An ISO-8601 instant with its offset and a four-digit year, such as 2020-12-03T09:00:00+08:00. */
    OffsetDateTime instant() throws IOException {
        String expected = "an ISO-8601 instant such as 2020-12-03T09:00:00+08:00";
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            wrongUnlessNull(expected);
            return null;
        }
        String text = p.getText();
        if (text.length() <= 64 && text.length() > 10 && Dates.parse(text.toCharArray(), 0, 10) != null) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        out.unreadable(path(), Violations.quote(text), expected);
        return null;
    }

    /**
     * A string read by one of the contract's parsers (platform, group, channel, cadence), which
     * throw IllegalArgumentException worded "what was found; expected what".
     */
    <T> T parsed(Function<String, T> parser, String expected) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            wrongUnlessNull(expected);
            return null;
        }
        String text = string();
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            String msg = String.valueOf(e.getMessage());
            int cut = msg.indexOf("; expected ");
            out.unreadable(path(), cut < 0 ? Violations.quote(text) : msg.substring(0, cut),
                    cut < 0 ? expected : msg.substring(cut + "; expected ".length()));
            return null;
        }
    }

    /** Reports the value the cursor stands on as not the kind expected, and skips it; a null is no value. */
    void wrongUnlessNull(String expected) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NULL) {
            out.unreadable(path(), describe(), expected);
            p.skipChildren();
        }
    }

    private String describe() throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string " + Violations.quote(p.getText());
            case VALUE_NUMBER_INT -> "the number " + Violations.cut(p.getText(), Violations.ECHO);
            case VALUE_NUMBER_FLOAT -> "the number " + Violations.cut(p.getText(), Violations.ECHO)
                    + " (a number with a fraction or an exponent)";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean (" + p.getText() + ")";
            case VALUE_NULL -> "null";
            default -> String.valueOf(t);
        };
    }

    private void push(String name) {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indices = Arrays.copyOf(indices, depth * 2);
            fields = Arrays.copyOf(fields, depth * 2);
            seen = Arrays.copyOf(seen, depth * 2);
            likely = Arrays.copyOf(likely, depth * 2);
        }
        names[depth] = name;
        depth++;
    }
}
