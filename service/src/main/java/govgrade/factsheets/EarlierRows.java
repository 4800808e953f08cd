package govgrade.factsheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The 往期结果 sheet: one row per subject's result in an earlier period; rows with the same start
 * and end make one period, in the order first seen. Problem codes are comma-separated, figures
 * {@code name=value} pairs separated by semicolons.
 */
final class EarlierRows {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final FactsReader r;

    EarlierRows(FactsReader r) {
        this.r = r;
    }

    List<ObjectNode> periods(List<Col> cols) {
        Sheet s = r.book().getSheet(Layout.EARLIER);
        List<ObjectNode> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        Map<Integer, Col> byIndex = r.header(s, cols, null);
        Map<String, ObjectNode> byPeriod = new LinkedHashMap<>();
        Map<Integer, Col> resultCols = new LinkedHashMap<>(byIndex);
        resultCols.values().removeIf(c -> c.field().equals("from") || c.field().equals("to")
                || c.field().equals("problems") || c.field().equals("figures"));
        for (Row row : r.rows(s, Integer.MAX_VALUE, "earlier results", "--max-earlier-results")) {
            String from = cell(row, byIndex, "from");
            String to = cell(row, byIndex, "to");
            String key = from + "\u0000" + to;
            ObjectNode period = byPeriod.get(key);
            String at;
            if (period == null) {
                period = JSON.objectNode();
                ObjectNode span = period.putObject("period");
                if (from != null) {
                    span.put("from", from);
                }
                if (to != null) {
                    span.put("to", to);
                }
                period.putArray("results");
                at = "earlier[" + byPeriod.size() + "]";
                byPeriod.put(key, period);
                r.entry(row, onlyDates(byIndex), at + ".period");
            } else {
                at = "earlier[" + new ArrayList<>(byPeriod.keySet()).indexOf(key) + "]";
            }
            ArrayNode results = (ArrayNode) period.get("results");
            String path = at + ".results[" + results.size() + "]";
            ObjectNode result = r.entry(row, resultCols, path);
            extras(row, byIndex, result, path);
            results.add(result);
        }
        out.addAll(byPeriod.values());
        return out;
    }

    private static Map<Integer, Col> onlyDates(Map<Integer, Col> byIndex) {
        Map<Integer, Col> dates = new LinkedHashMap<>(byIndex);
        dates.values().removeIf(c -> !c.field().equals("from") && !c.field().equals("to"));
        return dates;
    }

    private String cell(Row row, Map<Integer, Col> byIndex, String field) {
        for (Map.Entry<Integer, Col> e : byIndex.entrySet()) {
            if (e.getValue().field().equals(field)) {
                JsonNode v = r.value(row.getCell(e.getKey()), e.getValue().kind(),
                        Place.of(row.getSheet().getSheetName(), row.getRowNum(), e.getKey()));
                return v == null ? null : v.asText();
            }
        }
        return null;
    }

    /** Problem codes and figures, from their one cell each. */
    private void extras(Row row, Map<Integer, Col> byIndex, ObjectNode result, String path) {
        for (Map.Entry<Integer, Col> e : byIndex.entrySet()) {
            String field = e.getValue().field();
            if (!field.equals("problems") && !field.equals("figures")) {
                continue;
            }
            Place p = Place.of(row.getSheet().getSheetName(), row.getRowNum(), e.getKey());
            r.places.put(path + "." + field, p);
            JsonNode v = r.value(row.getCell(e.getKey()), Kind.TEXT, p);
            if (v == null) {
                continue;
            }
            if (field.equals("problems")) {
                ArrayNode codes = result.putArray("problems");
                for (String code : v.asText().split("[,，、;；\\s]+")) {
                    if (!code.isBlank()) {
                        codes.add(code.trim());
                    }
                }
            } else {
                ObjectNode figures = result.putObject("figures");
                for (String pair : v.asText().split("[;；\\n]+")) {
                    if (pair.isBlank()) {
                        continue;
                    }
                    String[] kv = pair.split("[=＝]", 2);
                    try {
                        figures.put(kv[0].trim(), new BigDecimal(kv[1].trim()));
                    } catch (RuntimeException bad) {
                        r.mistake(p, CellValues.quote(pair), "名称=数值，以分号分隔，如 posts=0 (name=number pairs)");
                    }
                }
            }
        }
    }
}
