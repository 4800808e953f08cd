package govgrade.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.facts.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads published figures as strictly as a batch is bound: an unknown field, a string where a
 * list or a number belongs, is refused with its path, every mistake listed. A lenient reading
 * compared junk with the run and answered "0 figures, 0 differences", which reads as agreement.
 */
final class FiguresReader {
    private static final Set<String> TOP = Set.of("pack", "results", "summaries");
    /** type, platform and region are the subject's, as fixtures carry them: read past, the id decides. */
    private static final Set<String> ROW = Set.of("id", "type", "name", "platform", "region", "channel", "grade",
            "label", "rank", "score", "problems", "known");
    private static final Set<String> SUMMARY = Set.of("region", "channel", "checked", "failed", "passRate");
    private static final int LISTED = 100;

    private final List<Violation> mistakes = new ArrayList<>();

    private FiguresReader() {
    }

    static PublishedFigures read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw new FiguresRejected(List.of(new Violation("$", "malformed JSON (" + e.getOriginalMessage() + ")",
                    "a JSON object { \"results\": [...], \"summaries\": [...] }")));
        }
        return new FiguresReader().figures(root);
    }

    private PublishedFigures figures(JsonNode root) throws FiguresRejected {
        if (root == null || !root.isObject()) {
            throw new FiguresRejected(List.of(new Violation("$", kind(root),
                    "a JSON object { \"results\": [...], \"summaries\": [...] }")));
        }
        JsonNode results = root.get("results");
        if (results == null) {
            add("results", "nothing", "an object with results (and summaries), as fixtures/<pack>/*.expected.json");
        }
        fields(root, "", TOP);
        String pack = text(root, "pack", "");
        List<PublishedFigures.Row> rows = new ArrayList<>();
        if (results != null && list(results, "results")) {
            for (int i = 0; i < results.size(); i++) {
                JsonNode e = results.get(i);
                String at = "results[" + i + "]";
                if (object(e, at, "a published row { \"id\", \"channel\", \"grade\" ... }")) {
                    fields(e, at + ".", ROW);
                    rows.add(new PublishedFigures.Row(text(e, "id", at), text(e, "name", at), text(e, "channel", at),
                            text(e, "grade", at), text(e, "label", at), whole(e, "rank", at), number(e, "score", at),
                            problems(e, at), text(e, "known", at)));
                    text(e, "type", at);
                    text(e, "platform", at);
                    text(e, "region", at);
                }
            }
        }
        List<PublishedFigures.SummaryRow> sums = new ArrayList<>();
        JsonNode summaries = root.get("summaries");
        if (summaries != null && !summaries.isNull() && list(summaries, "summaries")) {
            for (int i = 0; i < summaries.size(); i++) {
                JsonNode s = summaries.get(i);
                String at = "summaries[" + i + "]";
                if (object(s, at, "a summary row { \"region\", \"channel\", \"checked\", \"failed\", \"passRate\" }")) {
                    fields(s, at + ".", SUMMARY);
                    sums.add(new PublishedFigures.SummaryRow(text(s, "region", at), text(s, "channel", at),
                            whole(s, "checked", at), whole(s, "failed", at), number(s, "passRate", at)));
                }
            }
        }
        if (!mistakes.isEmpty()) {
            throw new FiguresRejected(mistakes);
        }
        return new PublishedFigures(pack, rows, sums);
    }

    private List<String> problems(JsonNode e, String at) {
        JsonNode p = e.get("problems");
        if (p == null || p.isNull() || !list(p, at + ".problems")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int j = 0; j < p.size(); j++) {
            if (p.get(j).isTextual()) {
                out.add(p.get(j).asText());
            } else {
                add(at + ".problems[" + j + "]", kind(p.get(j)), "a problem's wording, a string");
            }
        }
        return out;
    }

    private void fields(JsonNode o, String prefix, Set<String> known) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                add(prefix + name, "unknown field \"" + cut(name) + "\"", "one of " + String.join(", ",
                        known.stream().sorted().toList()));
            }
        }
    }

    private boolean list(JsonNode n, String at) {
        if (!n.isArray()) {
            add(at, kind(n), "an array");
            return false;
        }
        return true;
    }

    private boolean object(JsonNode n, String at, String expected) {
        if (!n.isObject()) {
            add(at, kind(n), expected);
            return false;
        }
        return true;
    }

    private String text(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            add(path(at, field), kind(v), "a string");
            return null;
        }
        return v.asText();
    }

    private Integer whole(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            add(path(at, field), kind(v), "a whole number");
            return null;
        }
        return v.asInt();
    }

    private BigDecimal number(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            add(path(at, field), kind(v), "a number");
            return null;
        }
        return new BigDecimal(v.asText());
    }

    private void add(String path, String found, String expected) {
        // A hostile body could hold a million mistakes: the first ones say enough.
        if (mistakes.size() < LISTED) {
            mistakes.add(new Violation(path, found, expected));
        }
    }

    private static String path(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "the string \"" + cut(n.asText()) + "\"";
        }
        return n.isContainerNode() ? (n.isArray() ? "an array" : "an object") : n.toString();
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
