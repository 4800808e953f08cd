package govgrade.factsheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.facts.BatchLimits;
import govgrade.facts.DeclaredFigure;
import govgrade.facts.DeclaredFigures;
import govgrade.facts.FigurePlace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Reads the sheets of a facts workbook into the JSON batch a client would have sent, recording
 * each value's cell ({@link Places}) and each cell that cannot be read. Columns are found by
 * their headers, so a sheet may have its columns in any order, or leave optional ones out; a
 * header that is no built-in column is a figure (its name in the last brackets, 总发文数（totalPosts）).
 */
final class FactsReader {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Workbook book;
    private final String packFromUrl;
    private final BatchLimits limits;
    private final Function<String, DeclaredFigures> declaredOf;
    final Places places = new Places(new Place(Layout.BATCH, 1, "A"));
    final List<CellViolation> mistakes = new ArrayList<>();
    long more;
    boolean overLimit;
    private DeclaredFigures declared = DeclaredFigures.NONE;
    private Layout layout;

    FactsReader(Workbook book, BatchLimits limits, Function<String, DeclaredFigures> declaredOf, String packFromUrl) {
        this.packFromUrl = packFromUrl;
        this.book = book;
        this.limits = limits;
        this.declaredOf = declaredOf;
    }

    ObjectNode batch() {
        ObjectNode batch = JSON.objectNode();
        head(batch);
        layout = new Layout(declared, List.of(Set.of(), Set.of(), Set.of(), Set.of()));
        List<ObjectNode> units = table(Layout.UNITS, layout.units, "units", limits.units(), FigurePlace.UNIT);
        List<ObjectNode> accounts = table(Layout.ACCOUNTS, layout.accounts, "accounts", limits.accounts(),
                FigurePlace.ACCOUNT);
        List<ObjectNode> columns = table(Layout.COLUMNS, layout.columns, "columns", limits.columns(), FigurePlace.COLUMN);
        List<ObjectNode> activity = table(Layout.ACTIVITY, layout.activity, "activity", limits.activity(),
                FigurePlace.ACTIVITY);
        Map<String, Integer> accountIds = ids(accounts, "id");
        AccountRows children = new AccountRows(this, accounts, accountIds);
        children.attach(Layout.POSTS, layout.posts, "posts", limits.postsPerAccount());
        children.attach(Layout.MESSAGES, layout.messages, "messages", limits.messagesPerAccount());
        new FindingRows(this).attach(units, accounts, columns, activity);
        put(batch, "units", units);
        put(batch, "accounts", accounts);
        put(batch, "columns", columns);
        put(batch, "activity", activity);
        List<ObjectNode> earlier = new EarlierRows(this).periods(layout.earlier);
        put(batch, "earlier", earlier);
        return batch;
    }

    private static void put(ObjectNode batch, String list, List<ObjectNode> entries) {
        if (!entries.isEmpty()) {
            ArrayNode a = batch.putArray(list);
            entries.forEach(a::add);
        }
    }

    /** The 批次 sheet: label in column A, value in B. */
    private void head(ObjectNode batch) {
        Sheet s = book.getSheet(Layout.BATCH);
        places.put("pack", new Place(Layout.BATCH, 2, "B"));
        places.put("period", new Place(Layout.BATCH, 3, "B"));
        places.put("period.from", new Place(Layout.BATCH, 3, "B"));
        places.put("period.to", new Place(Layout.BATCH, 4, "B"));
        places.put("period.checkDate", new Place(Layout.BATCH, 5, "B"));
        if (s == null) {
            mistakes.add(CellViolation.at(new Place(Layout.BATCH, 1, "A"), "没有“批次”表 (no sheet 批次)",
                    "批次表：包、开始日期、结束日期 (the sheet naming pack and period)"));
            return;
        }
        ObjectNode period = JSON.objectNode();
        for (int r = 1; r <= Math.min(s.getLastRowNum(), 50); r++) {
            Row row = s.getRow(r);
            if (row == null || row.getCell(0) == null) {
                continue;
            }
            String label = row.getCell(0).toString().trim();
            for (Col c : Layout.BATCH_ROWS) {
                if (c.header().equals(label)) {
                    Place p = Place.of(Layout.BATCH, r, 1);
                    places.put(c.field(), p);
                    JsonNode v = value(row.getCell(1), c.kind(), p);
                    if (v != null) {
                        if (c.field().startsWith("period.")) {
                            period.set(c.field().substring("period.".length()), v);
                        } else {
                            batch.set(c.field(), v);
                        }
                    }
                }
            }
        }
        if (!period.isEmpty()) {
            batch.set("period", period);
        }
        if (!batch.has("pack") && packFromUrl != null) {
            batch.put("pack", packFromUrl);
        }
        JsonNode pack = batch.get("pack");
        if (pack != null && pack.isTextual()) {
            DeclaredFigures d = declaredOf.apply(pack.asText());
            declared = d == null ? DeclaredFigures.NONE : d;
        }
    }

    Workbook book() {
        return book;
    }

    Layout layout() {
        return layout;
    }

    long mistakeCount() {
        return mistakes.size() + more;
    }

    /** A cell's value, or null where empty or unreadable (then named in {@link #mistakes}). */
    JsonNode value(Cell cell, Kind kind, Place p) {
        try {
            return CellValues.read(cell, kind);
        } catch (CellValues.Bad bad) {
            mistake(p, bad.found, bad.expected);
            return null;
        }
    }

    void mistake(Place p, String found, String expected) {
        if (mistakes.size() < limits.errorsListed()) {
            mistakes.add(CellViolation.at(p, found, expected));
        } else {
            more++;
        }
    }

    /** The columns of a sheet by their index: the built-in ones by header, any other header a figure. */
    Map<Integer, Col> header(Sheet s, List<Col> cols, FigurePlace place) {
        Map<Integer, Col> byIndex = new HashMap<>();
        Row head = s.getRow(0);
        if (head == null) {
            return byIndex;
        }
        for (Cell cell : head) {
            String h = cell.toString().trim();
            if (h.isEmpty()) {
                continue;
            }
            Col found = cols.stream().filter(c -> c.header().equals(h)).findFirst().orElse(null);
            if (found == null && place != null) {
                String name = figureName(h);
                DeclaredFigure d = declared.find(place, name);
                // An undeclared figure is sent as the cell holds it (kind null): the pack's check names it.
                found = d == null ? new Col(h, "figures." + name, null, false, "")
                        : cols.stream().filter(c -> c.field().equals("figures." + d.name())).findFirst().orElse(null);
            }
            if (found != null) {
                byIndex.put(cell.getColumnIndex(), found);
            }
        }
        return byIndex;
    }

    /** 总发文数（totalPosts） names totalPosts; a bare header is the name itself. */
    static String figureName(String header) {
        int open = Math.max(header.lastIndexOf('（'), header.lastIndexOf('('));
        if (open >= 0 && (header.endsWith("）") || header.endsWith(")"))) {
            return header.substring(open + 1, header.length() - 1).trim();
        }
        return header;
    }

    /** Rows 2 on, the blank ones left out, with their row index; refused past {@code max} rows. */
    List<Row> rows(Sheet s, int max, String list, String flag) {
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row == null || blank(row)) {
                continue;
            }
            if (rows.size() >= max) {
                overLimit = true;
                mistake(Place.of(s.getSheetName(), r, 0), "第 " + (max + 1) + " 条" + list + " (more than " + max + ")",
                        "至多 " + max + " 条 (at most " + max + " " + list + "; " + flag + " raises the limit)");
                break;
            }
            rows.add(row);
        }
        return rows;
    }

    private static boolean blank(Row row) {
        for (Cell c : row) {
            if (!c.toString().isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** An entry of one row: each column's value at its field, and each field's cell recorded. */
    ObjectNode entry(Row row, Map<Integer, Col> cols, String path) {
        ObjectNode e = JSON.objectNode();
        String sheet = row.getSheet().getSheetName();
        places.put(path, Place.of(sheet, row.getRowNum(), 0));
        for (Map.Entry<Integer, Col> ce : cols.entrySet()) {
            Col c = ce.getValue();
            Place p = Place.of(sheet, row.getRowNum(), ce.getKey());
            places.put(path + "." + c.field(), p);
            Kind kind = c.kind() == null ? guess(row.getCell(ce.getKey())) : c.kind();
            JsonNode v = value(row.getCell(ce.getKey()), kind, p);
            if (v == null) {
                continue;
            }
            ObjectNode at = e;
            String[] parts = c.field().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                at = at.has(parts[i]) ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
                places.put(path + "." + String.join(".", Arrays.copyOf(parts, i + 1)), p);
            }
            at.set(parts[parts.length - 1], v);
        }
        return e;
    }

    /** An undeclared figure is sent as the cell holds it: the pack's check then names it. */
    private static Kind guess(Cell cell) {
        if (cell == null) {
            return Kind.TEXT;
        }
        return switch (cell.getCellType() == CellType.FORMULA
                ? cell.getCachedFormulaResultType() : cell.getCellType()) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? Kind.DATE : Kind.NUMBER;
            case BOOLEAN -> Kind.YES_NO;
            default -> Kind.TEXT;
        };
    }

    private List<ObjectNode> table(String sheetName, List<Col> cols, String list, int max, FigurePlace place) {
        List<ObjectNode> out = new ArrayList<>();
        Sheet s = book.getSheet(sheetName);
        if (s == null) {
            return out;
        }
        Map<Integer, Col> byIndex = header(s, cols, place);
        for (Row row : rows(s, max, list, flagOf(list))) {
            out.add(entry(row, byIndex, list + "[" + out.size() + "]"));
        }
        return out;
    }

    static String flagOf(String list) {
        return "--max-" + list;
    }

    static Map<String, Integer> ids(List<ObjectNode> entries, String field) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode id = entries.get(i).get(field);
            if (id != null) {
                ids.putIfAbsent(id.asText(), i);
            }
        }
        return ids;
    }
}
