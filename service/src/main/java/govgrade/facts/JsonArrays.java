package govgrade.facts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON array of the batch element by element, counting it against its limit while reading
 * (a list over its limit is counted, not read): the one loop every binder's list goes through.
 */
final class JsonArrays {
    private JsonArrays() {
    }

    /** Reads one element at the cursor; null where it was refused (the cursor has the violation). */
    interface Element<T> {
        T read() throws IOException;
    }

    /**
     * The array at the cursor, or an empty list where the value is no array ({@code expected}
     * says what belongs there); {@code what} and {@code flag} name the limit when it is passed.
     */
    static <T> List<T> read(JsonCursor c, String expected, int limit, String what, String flag, Element<T> element)
            throws IOException {
        List<T> list = new ArrayList<>();
        if (c.startArray(expected)) {
            while (c.nextElement(limit, what, flag)) {
                list.add(element.read());
            }
        }
        return list;
    }
}
