package govgrade.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a pack declares, as one subject's batch entry gives them, and which of them rules
 * read. Values were checked against the pack's declarations before grading, so each is of its
 * declared type; an accessor of another type answers null (the build refuses a rule naming a
 * figure with the wrong accessor, so only a name built at run time gets there).
 */
final class DeclaredValues {
    private final Map<String, Object> values;
    private final boolean records;
    /** Names read, in the order first read, with the value read: what the result's explanation shows. */
    private Map<String, Object> read;

    /**
     * {@code records}: true for a subject's own figures. A unit or a column is shared by the
     * subjects of several sessions, which may grade on other threads: its reads are not noted.
     */
    DeclaredValues(Map<String, Object> values, boolean records) {
        this.values = values == null ? Map.of() : values;
        this.records = records;
    }

    Integer count(String name) {
        return note(name, values.get(name) instanceof Integer n ? n : null);
    }

    BigDecimal number(String name) {
        Object v = values.get(name);
        return note(name, v instanceof BigDecimal d ? d : v instanceof Integer n ? BigDecimal.valueOf(n) : null);
    }

    String text(String name) {
        return note(name, values.get(name) instanceof String s ? s : null);
    }

    LocalDate date(String name) {
        Object v = values.get(name);
        return note(name, v instanceof String s ? parse(s) : null);
    }

    Boolean yes(String name) {
        return note(name, values.get(name) instanceof Boolean b ? b : null);
    }

    /** The value as the batch gave it (Integer, BigDecimal, String or Boolean), for code that takes any type. */
    Object declared(String name) {
        return note(name, values.get(name));
    }

    /** What rules read, name to value (null where the subject has no such figure); empty if nothing. */
    Map<String, Object> read() {
        return read == null ? Map.of() : Collections.unmodifiableMap(read);
    }

    private <T> T note(String name, T value) {
        if (!records) {
            return value;
        }
        if (read == null) {
            read = new LinkedHashMap<>();
        }
        read.putIfAbsent(name, value);
        return value;
    }

    private static LocalDate parse(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
