package govgrade.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code figures} object of a unit, account, column or activity entry: names to a
 * string, number or boolean each, as sent. Which names and types are right is the pack's to say
 * ({@link DeclaredFigures}), checked once the pack is known; here only what any batch must be:
 * scalar values, each name once, at most {@link DeclaredFigures#MAX_PER_PLACE} of them.
 */
final class FiguresBinder {
    private static final String[] NO_FIXED_FIELDS = {};
    /** Characters of a number: past 40 it is no count or measure a circular prints. */
    private static final int NUMBER_CHARS = 40;

    private final JsonCursor c;
    private final JsonParser p;
    private final Violations out;

    private FiguresBinder(JsonCursor c) {
        this.c = c;
        this.p = c.parser();
        this.out = c.violations();
    }

    /** The figures the cursor stands on, null where the value is null or not an object (reported). */
    static Map<String, Object> figures(JsonCursor c) throws IOException {
        return new FiguresBinder(c).figures();
    }

    private Map<String, Object> figures() throws IOException {
        if (!c.startObject(NO_FIXED_FIELDS, "an object of figures such as { \"totalPosts\": 48 }")) {
            return null;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        int count = 0;
        while (c.nextField()) {
            String name = c.name();
            if (++count > DeclaredFigures.MAX_PER_PLACE) {
                if (count == DeclaredFigures.MAX_PER_PLACE + 1) {
                    out.overLimit(c.path(), "more than " + DeclaredFigures.MAX_PER_PLACE + " figures", "at most "
                            + DeclaredFigures.MAX_PER_PLACE + " figures in one object (a pack declares at most "
                            + DeclaredFigures.MAX_PER_PLACE + " at one place)");
                }
                p.skipChildren();
            } else if (figures.containsKey(name)) {
                out.unreadable(c.path(), "the field " + Violations.quote(name) + " a second time",
                        "each field once (a repeated key is ambiguous: which one counts?)");
                p.skipChildren();
            } else {
                figures.put(name, scalar());
            }
        }
        // A null is no figure, as a null built-in field is none: a required one is then missing.
        figures.values().removeIf(v -> v == null);
        return figures;
    }

    /**
     * A string, number or boolean: an Integer for a whole number that fits one, a BigDecimal for
     * any other number, a String or a Boolean; null for null or a value of another kind (reported).
     */
    private Object scalar() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return c.string();
        }
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            // By its text first: a BigDecimal of 1e999999999 is cheap to hold and costly to print.
            if (p.getTextLength() > NUMBER_CHARS) {
                out.unreadable(c.path(), Violations.cut(p.getText(), Violations.ECHO), "a number of at most "
                        + NUMBER_CHARS + " characters");
                return null;
            }
            // And by its exponent: 1e-999999999 is short, but its plain form (a report cell) is a gigabyte.
            BigDecimal d = new BigDecimal(p.getText());
            if (Math.abs(d.scale()) > NUMBER_CHARS) {
                out.unreadable(c.path(), Violations.cut(p.getText(), Violations.ECHO), "a number written in plain digits");
                return null;
            }
            return d;
        }
        c.wrongUnlessNull("a string, a number or true/false");
        return null;
    }
}
