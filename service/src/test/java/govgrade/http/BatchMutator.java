package govgrade.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Hostile variants of a valid batch, each with what the contract says of it. The verdict comes from
 * CONTRACT.md's own typing of a batch ({@link #SCHEMA}, written from the document, not from the
 * service's code) and the kind of change: a boolean where a name goes breaks the contract whatever
 * the service thinks; a null where an optional value goes may or may not be accepted.
 */
final class BatchMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What the contract says of a mutated batch. */
    enum Verdict {
        /** Still a valid batch: must be graded (200). */
        VALID,
        /** Breaks the contract: must be refused (4xx). */
        BROKEN,
        /** Depends on what else the batch says (a consistency check may refuse it): anything but 5xx. */
        EITHER
    }

    enum Kind { TYPE_SWAP, NUMBER, DATE, HUGE_STRING, UNKNOWN_WORD, DUPLICATE_KEY, DELETE_FIELD, EXTRA_FIELD,
        DEEP_NESTING, INVALID_UTF8, TRUNCATE, REFORMAT, GARBAGE }

    /** A mutated body, what was done, and the verdict. */
    record Mutant(String fixture, Kind kind, String what, byte[] body, Verdict verdict) {
        @Override
        public String toString() {
            return fixture + " " + kind + " " + what + " -> " + verdict + " (" + body.length + " bytes)";
        }
    }

    /** NUMBER: any JSON number (an earlier result's figure); INT: a whole number of 32 bits. */
    enum Type { STRING, ENUM, INT, NUMBER, BOOL, DATE, INSTANT, OBJECT, ARRAY }

    private record Slot(Type type, boolean required) {
    }

    /** CONTRACT.md's batch: each place (indices written []) with its type and whether it must be there. */
    private static final Map<String, Slot> SCHEMA = Map.ofEntries(
            Map.entry("pack", new Slot(Type.STRING, true)),
            Map.entry("period", new Slot(Type.OBJECT, true)),
            Map.entry("period.from", new Slot(Type.DATE, true)),
            Map.entry("period.to", new Slot(Type.DATE, true)),
            Map.entry("period.checkDate", new Slot(Type.DATE, false)),
            Map.entry("units", new Slot(Type.ARRAY, false)),
            Map.entry("units[]", new Slot(Type.OBJECT, true)),
            Map.entry("units[].id", new Slot(Type.STRING, true)),
            Map.entry("units[].name", new Slot(Type.STRING, true)),
            Map.entry("units[].group", new Slot(Type.ENUM, true)),
            Map.entry("units[].region", new Slot(Type.STRING, false)),
            Map.entry("accounts", new Slot(Type.ARRAY, false)),
            Map.entry("accounts[]", new Slot(Type.OBJECT, true)),
            Map.entry("accounts[].id", new Slot(Type.STRING, true)),
            Map.entry("accounts[].name", new Slot(Type.STRING, true)),
            Map.entry("accounts[].platform", new Slot(Type.ENUM, true)),
            Map.entry("accounts[].unit", new Slot(Type.STRING, false)),
            Map.entry("accounts[].region", new Slot(Type.STRING, false)),
            Map.entry("accounts[].posts", new Slot(Type.ARRAY, false)),
            Map.entry("accounts[].posts[]", new Slot(Type.OBJECT, true)),
            Map.entry("accounts[].posts[].date", new Slot(Type.DATE, true)),
            Map.entry("accounts[].posts[].original", new Slot(Type.BOOL, false)),
            Map.entry("accounts[].posts[].recommended", new Slot(Type.BOOL, false)),
            Map.entry("accounts[].lastUpdate", new Slot(Type.DATE, false)),
            Map.entry("accounts[].originals", new Slot(Type.INT, false)),
            Map.entry("accounts[].reposts", new Slot(Type.INT, false)),
            Map.entry("accounts[].recommendedReposts", new Slot(Type.INT, false)),
            Map.entry("accounts[].longestGap", new Slot(Type.OBJECT, false)),
            Map.entry("accounts[].longestGap.from", new Slot(Type.DATE, true)),
            Map.entry("accounts[].longestGap.to", new Slot(Type.DATE, true)),
            Map.entry("accounts[].longestOriginalGap", new Slot(Type.OBJECT, false)),
            Map.entry("accounts[].longestOriginalGap.from", new Slot(Type.DATE, true)),
            Map.entry("accounts[].longestOriginalGap.to", new Slot(Type.DATE, true)),
            Map.entry("accounts[].messages", new Slot(Type.ARRAY, false)),
            Map.entry("accounts[].messages[]", new Slot(Type.OBJECT, true)),
            Map.entry("accounts[].messages[].received", new Slot(Type.INSTANT, true)),
            Map.entry("accounts[].messages[].answered", new Slot(Type.INSTANT, false)),
            Map.entry("columns", new Slot(Type.ARRAY, false)),
            Map.entry("columns[]", new Slot(Type.OBJECT, true)),
            Map.entry("columns[].unit", new Slot(Type.STRING, true)),
            Map.entry("columns[].name", new Slot(Type.STRING, true)),
            Map.entry("columns[].cadence", new Slot(Type.ENUM, true)),
            Map.entry("columns[].updates", new Slot(Type.INT, true)),
            Map.entry("activity", new Slot(Type.ARRAY, false)),
            Map.entry("activity[]", new Slot(Type.OBJECT, true)),
            Map.entry("activity[].unit", new Slot(Type.STRING, true)),
            Map.entry("activity[].channel", new Slot(Type.ENUM, true)),
            Map.entry("activity[].posts", new Slot(Type.INT, false)),
            Map.entry("activity[].submitted", new Slot(Type.INT, false)),
            Map.entry("activity[].adopted", new Slot(Type.INT, false)),
            Map.entry("activity[].adoptedInMonth", new Slot(Type.INT, false)),
            // Issue 11: a batch's earlier periods (docs/contract-additions.md).
            Map.entry("earlier", new Slot(Type.ARRAY, false)),
            Map.entry("earlier[]", new Slot(Type.OBJECT, true)),
            Map.entry("earlier[].period", new Slot(Type.OBJECT, true)),
            Map.entry("earlier[].period.from", new Slot(Type.DATE, true)),
            Map.entry("earlier[].period.to", new Slot(Type.DATE, true)),
            Map.entry("earlier[].results", new Slot(Type.ARRAY, false)),
            Map.entry("earlier[].results[]", new Slot(Type.OBJECT, true)),
            Map.entry("earlier[].results[].type", new Slot(Type.ENUM, true)),
            Map.entry("earlier[].results[].id", new Slot(Type.STRING, true)),
            Map.entry("earlier[].results[].channel", new Slot(Type.ENUM, true)),
            Map.entry("earlier[].results[].grade", new Slot(Type.ENUM, false)),
            Map.entry("earlier[].results[].problems", new Slot(Type.ARRAY, false)),
            Map.entry("earlier[].results[].problems[]", new Slot(Type.STRING, true)),
            Map.entry("findings", new Slot(Type.ARRAY, false)),
            Map.entry("findings[]", new Slot(Type.OBJECT, true)),
            Map.entry("findings[].code", new Slot(Type.STRING, true)),
            Map.entry("findings[].note", new Slot(Type.STRING, false)));

    private static final Pattern FINDINGS = Pattern.compile(".*?\\.(findings.*)");
    /**
     * A figure by name (issue 11): declared by the batch's pack on units, accounts, columns and
     * activity (the fixtures' are counts, none required), open names of any number on earlier results.
     */
    private static final Pattern FIGURE = Pattern.compile(".*?\\.figures(\\..+)?");

    /** Dates that are not YYYY-MM-DD days of a four-digit year. */
    private static final String[] ODD_DATES = {"2020-02-30", "2021-02-29", "2020-13-01", "2020-00-10", "2020-06-31",
        "20201-01-01", "+2020-01-01", "-0001-01-01", "2020-1-1", "2020/01/01", "2020-01-01T00:00:00",
        "2020-01-01T00:00:00+08:00", "2020-01-01 ", " 2020-01-01", "", "0x7E4-01-01", "２０２０-01-01",
        "+999999999-12-31", "-5877000-01-01", "-999999999-01-01", "9999-99-99", "null"};

    private static final String[] BAD_NUMBERS = {"-1", "-2147483648", "2147483648", "3000000000",
        "99999999999999999999999999", "5.5", "1e3", "3e9", "1E400", "-0.0", "1.0"};

    private final Random random;

    BatchMutator(long seed) {
        this.random = new Random(seed);
    }

    /** One hostile variant of {@code batch} (a valid batch of the fixtures). */
    Mutant mutate(String fixture, JsonNode batch, Kind kind) throws Exception {
        ObjectNode copy = batch.deepCopy();
        List<Place> places = new ArrayList<>();
        collect(copy, "", "", places);
        Place at = places.get(random.nextInt(places.size()));
        Slot slot = slot(at.general);
        return switch (kind) {
            case TYPE_SWAP -> typeSwap(fixture, copy, at, slot);
            case NUMBER -> number(fixture, copy, places);
            case DATE -> withType(fixture, copy, places, Type.DATE, kind, this::oddDate);
            case HUGE_STRING -> withType(fixture, copy, places, random.nextBoolean() ? Type.STRING : Type.ENUM, kind,
                    p -> NODES.textNode("名".repeat(501 + random.nextInt(random.nextBoolean() ? 1000 : 600_000))));
            case UNKNOWN_WORD -> withType(fixture, copy, places, Type.ENUM, kind,
                    p -> NODES.textNode(new String[] {"飞信", "WECHAT ", "town", "monthly", "2/fortnight", "新闻"}[
                            random.nextInt(6)]));
            case DUPLICATE_KEY -> duplicateKey(fixture, copy, places);
            case DELETE_FIELD -> deleteField(fixture, copy, places);
            case EXTRA_FIELD -> extraField(fixture, copy, places);
            case DEEP_NESTING -> deep(fixture, copy, at);
            case INVALID_UTF8 -> invalidUtf8(fixture, copy, places);
            case TRUNCATE -> truncate(fixture, copy);
            case REFORMAT -> reformat(fixture, copy);
            case GARBAGE -> garbage(fixture);
        };
    }

    /** A value's place: its container, its key or index, its path with indices and without. */
    private record Place(JsonNode container, String key, int index, String path, String general) {
        JsonNode value() {
            return key != null ? container.get(key) : container.get(index);
        }

        void set(JsonNode v) {
            if (key != null) {
                ((ObjectNode) container).set(key, v);
            } else {
                ((ArrayNode) container).set(index, v);
            }
        }
    }

    private static void collect(JsonNode node, String path, String general, List<Place> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String g = general.isEmpty() ? e.getKey() : general + "." + e.getKey();
                out.add(new Place(node, e.getKey(), -1, p, g));
                collect(e.getValue(), p, g, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Place(node, null, i, path + "[" + i + "]", general + "[]"));
                collect(node.get(i), path + "[" + i + "]", general + "[]", out);
            }
        }
    }

    private static Slot slot(String general) {
        Slot s = SCHEMA.get(general);
        if (s == null) {
            var m = FINDINGS.matcher(general);
            s = m.matches() ? SCHEMA.get(m.group(1)) : null;
        }
        if (s == null) {
            var m = FIGURE.matcher(general);
            Type value = general.startsWith("earlier[]") ? Type.NUMBER : Type.INT;
            s = !m.matches() ? null : m.group(1) == null ? new Slot(Type.OBJECT, false) : new Slot(value, false);
        }
        if (s == null) {
            throw new IllegalStateException("the test's schema misses " + general);
        }
        return s;
    }

    private Mutant typeSwap(String fixture, ObjectNode batch, Place at, Slot slot) throws Exception {
        List<JsonNode> others = new ArrayList<>();
        if (slot.type != Type.STRING && slot.type != Type.ENUM && slot.type != Type.DATE && slot.type != Type.INSTANT) {
            others.add(NODES.textNode(random.nextBoolean() ? "5" : "   "));
        }
        if (slot.type != Type.INT && slot.type != Type.NUMBER) {
            others.add(NODES.numberNode(random.nextInt(100_000)));
        }
        if (slot.type != Type.BOOL) {
            others.add(NODES.booleanNode(random.nextBoolean()));
        }
        if (slot.type != Type.ARRAY) {
            others.add(NODES.arrayNode().add(at.value().deepCopy()));
        }
        if (slot.type != Type.OBJECT) {
            others.add(NODES.objectNode());
        }
        others.add(NODES.nullNode());
        JsonNode v = others.get(random.nextInt(others.size()));
        at.set(v);
        Verdict verdict = !v.isNull() ? Verdict.BROKEN : slot.required ? Verdict.BROKEN : Verdict.EITHER;
        return mutant(fixture, Kind.TYPE_SWAP, at.path + " = " + v, batch, verdict);
    }

    private Mutant number(String fixture, ObjectNode batch, List<Place> places) throws Exception {
        Place at = pick(places, Type.INT);
        if (at == null) {
            return reformat(fixture, batch);
        }
        if (random.nextInt(4) == 0) {
            int n = random.nextBoolean() ? Integer.MAX_VALUE : random.nextInt(Integer.MAX_VALUE);
            at.set(NODES.numberNode(n));
            return mutant(fixture, Kind.NUMBER, at.path + " = " + n, batch, Verdict.EITHER);
        }
        String bad = BAD_NUMBERS[random.nextInt(BAD_NUMBERS.length)];
        at.set(NODES.textNode("__RAW__"));
        byte[] body = JSON.writeValueAsString(batch).replace("\"__RAW__\"", bad).getBytes(StandardCharsets.UTF_8);
        return new Mutant(fixture, Kind.NUMBER, at.path + " = " + bad, body, Verdict.BROKEN);
    }

    private interface Value {
        JsonNode make(Place p);
    }

    private Mutant withType(String fixture, ObjectNode batch, List<Place> places, Type type, Kind kind, Value value)
            throws Exception {
        Place at = pick(places, type);
        if (at == null) {
            return reformat(fixture, batch);
        }
        JsonNode v = value.make(at);
        at.set(v);
        String shown = v.asText().length() > 40 ? v.asText().length() + " characters" : v.toString();
        return mutant(fixture, kind, at.path + " = " + shown, batch, Verdict.BROKEN);
    }

    private JsonNode oddDate(Place p) {
        return NODES.textNode(ODD_DATES[random.nextInt(ODD_DATES.length)]);
    }

    private Mutant duplicateKey(String fixture, ObjectNode batch, List<Place> places) throws Exception {
        List<Place> fields = places.stream().filter(p -> p.key != null).toList();
        Place at = fields.get(random.nextInt(fields.size()));
        ObjectNode owner = (ObjectNode) at.container;
        // A JSON tree cannot hold a key twice: a stand-in key is renamed in the text.
        owner.set("__DUP__", at.value().deepCopy());
        byte[] body = JSON.writeValueAsString(batch).replace("\"__DUP__\"", JSON.writeValueAsString(at.key))
                .getBytes(StandardCharsets.UTF_8);
        return new Mutant(fixture, Kind.DUPLICATE_KEY, at.path + " twice", body, Verdict.BROKEN);
    }

    private Mutant deleteField(String fixture, ObjectNode batch, List<Place> places) throws Exception {
        List<Place> fields = places.stream().filter(p -> p.key != null).toList();
        Place at = fields.get(random.nextInt(fields.size()));
        ((ObjectNode) at.container).remove(at.key);
        boolean required = slot(at.general).required;
        return mutant(fixture, Kind.DELETE_FIELD, "no " + at.path, batch, required ? Verdict.BROKEN : Verdict.EITHER);
    }

    private Mutant extraField(String fixture, ObjectNode batch, List<Place> places) throws Exception {
        List<Place> objects = places.stream().filter(p -> p.value().isObject()).toList();
        ObjectNode owner = objects.isEmpty() ? batch : (ObjectNode) objects.get(random.nextInt(objects.size())).value();
        String name = new String[] {"colour", "Pack", "ID", "date ", "posts2", "__proto__", "名称"}[random.nextInt(7)];
        owner.put(name, random.nextBoolean() ? "x" : null);
        // In a figures object the names are the pack's (or open, on an earlier result) and a null is
        // no value: whether an extra name breaks the batch depends on the pack, not on the contract.
        boolean figures = objects.stream().anyMatch(p -> p.value() == owner && p.general.endsWith(".figures"));
        return mutant(fixture, Kind.EXTRA_FIELD, "extra field " + name, batch, figures ? Verdict.EITHER : Verdict.BROKEN);
    }

    private Mutant deep(String fixture, ObjectNode batch, Place at) throws Exception {
        int depth = 10 + random.nextInt(random.nextBoolean() ? 50 : 20_000);
        at.set(NODES.textNode("__DEEP__"));
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String json = JSON.writeValueAsString(batch).replace("\"__DEEP__\"", open.repeat(depth) + "1" + close.repeat(depth));
        return new Mutant(fixture, Kind.DEEP_NESTING, at.path + " nested " + depth + " deep",
                json.getBytes(StandardCharsets.UTF_8), Verdict.BROKEN);
    }

    private Mutant invalidUtf8(String fixture, ObjectNode batch, List<Place> places) throws Exception {
        Place at = pick(places, Type.STRING);
        if (at == null) {
            at = places.get(0);
        }
        at.set(NODES.textNode("a__BAD__b"));
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0,
            (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] chosen = bad[random.nextInt(bad.length)];
        byte[] text = JSON.writeValueAsBytes(batch);
        byte[] marker = "__BAD__".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length; i++) {
            if (regionMatches(text, i, marker)) {
                out.write(chosen);
                i += marker.length - 1;
            } else {
                out.write(text[i]);
            }
        }
        return new Mutant(fixture, Kind.INVALID_UTF8, at.path + " with bytes " + java.util.HexFormat.of().formatHex(chosen),
                out.toByteArray(), Verdict.BROKEN);
    }

    private static boolean regionMatches(byte[] a, int at, byte[] b) {
        if (at + b.length > a.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (a[at + i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private Mutant truncate(String fixture, ObjectNode batch) throws Exception {
        byte[] body = JSON.writeValueAsBytes(batch);
        int cut = random.nextInt(body.length - 1); // before the closing brace
        return new Mutant(fixture, Kind.TRUNCATE, "cut at " + cut + " of " + body.length,
                java.util.Arrays.copyOf(body, cut), Verdict.BROKEN);
    }

    private Mutant reformat(String fixture, ObjectNode batch) throws Exception {
        boolean pretty = random.nextBoolean();
        String json = pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(batch) : JSON.writeValueAsString(batch);
        if (random.nextBoolean()) {
            // Every non-ASCII character as a \\u escape: the same strings.
            StringBuilder sb = new StringBuilder();
            json.chars().forEach(ch -> sb.append(ch < 128 ? String.valueOf((char) ch) : String.format("\\u%04x", ch)));
            json = sb.toString();
        }
        return new Mutant(fixture, Kind.REFORMAT, pretty ? "pretty" : "compact", json.getBytes(StandardCharsets.UTF_8),
                Verdict.VALID);
    }

    private Mutant garbage(String fixture) {
        byte[] b = new byte[1 + random.nextInt(2000)];
        random.nextBytes(b);
        if (random.nextBoolean()) {
            b[0] = '{';
        }
        return new Mutant(fixture, Kind.GARBAGE, b.length + " random bytes", b, Verdict.BROKEN);
    }

    private Place pick(List<Place> places, Type type) {
        List<Place> of = places.stream().filter(p -> slot(p.general).type == type).toList();
        return of.isEmpty() ? null : of.get(random.nextInt(of.size()));
    }

    private static Mutant mutant(String fixture, Kind kind, String what, JsonNode batch, Verdict verdict)
            throws Exception {
        return new Mutant(fixture, kind, what, JSON.writeValueAsBytes(batch), verdict);
    }
}
