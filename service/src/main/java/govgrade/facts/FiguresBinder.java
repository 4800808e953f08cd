package govgrade.facts;

import java.io.IOException;
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

    private FiguresBinder() {
    }

    /** The figures the cursor stands on, null where the value is null or not an object (reported). */
    static Map<String, Object> figures(JsonCursor c) throws IOException {
        if (!c.startObject(NO_FIXED_FIELDS, "an object of figures such as { \"totalPosts\": 48 }")) {
            return null;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        int count = 0;
        while (c.nextField()) {
            String name = c.name();
            if (++count > DeclaredFigures.MAX_PER_PLACE) {
                c.over(count, name);
                continue;
            }
            if (figures.containsKey(name)) {
                c.repeated(name);
                continue;
            }
            Object value = c.scalar();
            // A null is no figure, as a null built-in field is none: a required one is then missing.
            figures.put(name, value);
        }
        figures.values().removeIf(v -> v == null);
        return figures;
    }
}
