package govgrade.factsheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The sheets of an account's own lists, 发文 and 留言: a row each, joined to its account on the
 * 账号 sheet by 账号编号, in sheet order. An account with no row keeps no list (its aggregates, if
 * any, stand).
 */
final class AccountRows {
    private final FactsReader r;
    private final List<ObjectNode> accounts;
    private final Map<String, Integer> ids;

    AccountRows(FactsReader r, List<ObjectNode> accounts, Map<String, Integer> ids) {
        this.r = r;
        this.accounts = accounts;
        this.ids = ids;
    }

    /** Posts or messages: one row each, joined to its account by 账号编号. */
    void attach(String sheetName, List<Col> cols, String field, int maxPerAccount) {
        Sheet s = r.book().getSheet(sheetName);
        if (s == null) {
            return;
        }
        Map<Integer, Col> byIndex = r.header(s, cols, null);
        int refColumn = byIndex.entrySet().stream().filter(e -> e.getValue().field().equals("account"))
                .map(Map.Entry::getKey).findFirst().orElse(-1);
        long maxRows = (long) maxPerAccount * Math.max(1, accounts.size());
        String flag = FactsReader.flagOf(field + "-per-account");
        for (Row row : r.rows(s, (int) Math.min(Integer.MAX_VALUE, maxRows), field, flag)) {
            Place refAt = Place.of(sheetName, row.getRowNum(), Math.max(refColumn, 0));
            JsonNode ref = refColumn < 0 ? null : r.value(row.getCell(refColumn), Kind.TEXT, refAt);
            Integer owner = ref == null ? null : ids.get(ref.asText());
            if (owner == null) {
                r.mistake(refAt, ref == null ? "空 (nothing)" : CellValues.quote(ref.asText()),
                        "账号表中的账号编号 (the id of an account on sheet 账号)");
                continue;
            }
            ObjectNode account = accounts.get(owner);
            ArrayNode list = account.has(field) ? (ArrayNode) account.get(field) : account.putArray(field);
            Map<Integer, Col> own = new HashMap<>(byIndex);
            own.remove(refColumn);
            list.add(r.entry(row, own, "accounts[" + owner + "]." + field + "[" + list.size() + "]"));
        }
    }
}
