package govgrade.factsheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.facts.Channel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The 问题 sheet: each finding a row naming what it is about (所在表 and 编号, and for a column its
 * name, for an activity entry its channel), joined to that entry's findings in sheet order.
 */
final class FindingRows {
    private final FactsReader r;

    FindingRows(FactsReader r) {
        this.r = r;
    }

    void attach(List<ObjectNode> units, List<ObjectNode> accounts, List<ObjectNode> columns, List<ObjectNode> activity) {
        Sheet s = r.book().getSheet(Layout.FINDINGS);
        if (s == null) {
            return;
        }
        List<Col> cols = r.layout().findings;
        Map<Integer, Col> byIndex = r.header(s, cols, null);
        Map<String, Integer> at = new HashMap<>();
        byIndex.forEach((i, c) -> at.put(c.field(), i));
        Map<String, Integer> unitIds = FactsReader.ids(units, "id");
        Map<String, Integer> accountIds = FactsReader.ids(accounts, "id");
        Map<String, Integer> columnKeys = keys(columns, "name");
        Map<String, Integer> activityKeys = keys(activity, "channel");
        for (Row row : r.rows(s, Integer.MAX_VALUE, "findings", "")) {
            String owner = text(row, at, "owner", Kind.OWNER, true);
            String ref = text(row, at, "ref", Kind.TEXT, true);
            String which = text(row, at, "which", Kind.TEXT, false);
            if (owner == null || ref == null) {
                continue;
            }
            Integer index;
            List<ObjectNode> list;
            switch (owner) {
                case "units" -> { index = unitIds.get(ref); list = units; }
                case "accounts" -> { index = accountIds.get(ref); list = accounts; }
                case "columns" -> { index = columnKeys.get(ref + "\u0000" + which); list = columns; }
                default -> { index = activityKeys.get(ref + "\u0000" + channel(which)); list = activity; }
            }
            if (index == null) {
                Place p = place(row, at.getOrDefault("ref", 0));
                r.mistake(p, CellValues.quote(ref + (which == null ? "" : " " + which)), "“" + sheetOf(owner)
                        + "”表中的一行：" + (owner.equals("accounts") ? "账号编号" : "单位编号")
                        + (owner.equals("columns") ? "与栏目名称" : owner.equals("activity") ? "与渠道" : "")
                        + " (an entry of that sheet)");
                continue;
            }
            ObjectNode entry = list.get(index);
            ArrayNode findings = entry.has("findings") ? (ArrayNode) entry.get("findings") : entry.putArray("findings");
            Map<Integer, Col> own = new HashMap<>();
            own.put(at.getOrDefault("code", -1), cols.get(3));
            own.put(at.getOrDefault("note", -1), cols.get(4));
            own.remove(-1);
            findings.add(r.entry(row, own, owner + "[" + index + "].findings[" + findings.size() + "]"));
        }
    }

    private static String channel(String which) {
        try {
            return which == null ? null : Channel.parse(which).code();
        } catch (IllegalArgumentException e) {
            return which;
        }
    }

    private static String sheetOf(String owner) {
        return switch (owner) {
            case "units" -> Layout.UNITS;
            case "accounts" -> Layout.ACCOUNTS;
            case "columns" -> Layout.COLUMNS;
            default -> Layout.ACTIVITY;
        };
    }

    private String text(Row row, Map<String, Integer> at, String field, Kind kind, boolean required) {
        Integer i = at.get(field);
        Place p = place(row, i == null ? 0 : i);
        long before = r.mistakeCount();
        JsonNode v = i == null ? null : r.value(row.getCell(i), kind, p);
        if (v == null && required && r.mistakeCount() == before) {
            r.mistake(p, "空 (nothing)", CellValues.expected(kind));
        }
        return v == null ? null : v.asText();
    }

    private static Place place(Row row, int column) {
        return Place.of(row.getSheet().getSheetName(), row.getRowNum(), column);
    }

    /** The first entry for each unit and second key (a column's name, an activity's channel). */
    private static Map<String, Integer> keys(List<ObjectNode> entries, String second) {
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode unit = entries.get(i).get("unit");
            JsonNode other = entries.get(i).get(second);
            keys.putIfAbsent((unit == null ? "" : unit.asText()) + "\u0000" + (other == null ? null : other.asText()), i);
        }
        return keys;
    }
}
