package govgrade.packs.tables;

import govgrade.rules.DeductionTable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A 扣分 sheet: 满分 and 最低分 above the header (a label, the number right of it), then rows
 * 问题代码, 每次扣分, 单项上限 (empty: no cap). A code must be one the pack's 问题 sheet words:
 * a row for a problem no rule can report would deduct nothing, silently.
 */
final class DeductionSheet {
    static final String START = "满分";
    static final String FLOOR = "最低分";
    static final Set<String> LABELS = Set.of(START, FLOOR);
    static final String CODE = "问题代码";
    static final String EACH = "每次扣分";
    static final String CAP = "单项上限";

    private DeductionSheet() {
    }

    static DeductionTable read(PlainSheet p, Set<String> problems) {
        if (!p.header("扣分", CODE, EACH, CAP)) {
            return null;
        }
        Map<String, int[]> labels = p.labels();
        BigDecimal start = labelled(p, labels, START, true);
        BigDecimal floor = labelled(p, labels, FLOOR, false);
        if (start != null && floor != null && floor.compareTo(start) >= 0) {
            int[] at = labels.get(FLOOR);
            p.add(RuleWorkbook.address(at[0] + 1, at[1] + 1), "最低分须低于满分 " + start.toPlainString(),
                    "最低分 (the floor) must be below 满分 " + start.toPlainString());
        }
        Map<String, DeductionTable.Item> items = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (int r : p.rows()) {
            String code = p.text(r, CODE);
            String cell = p.cell(r, CODE);
            BigDecimal each = p.number(p.text(r, EACH), p.cell(r, EACH), EACH, true, BigDecimal.ZERO);
            BigDecimal cap = p.number(p.text(r, CAP), p.cell(r, CAP), CAP, false, BigDecimal.ZERO);
            if (code == null) {
                p.add(cell, "“问题代码”为空，此格必须填写问题表中的代码", "empty 问题代码 cell: a code of the 问题 sheet is required");
            } else if (!problems.contains(code)) {
                p.add(cell, "问题代码“" + code + "”不在问题表中；请先在问题表中为它写上表述",
                        "problem code \"" + code + "\" has no wording on the pack's 问题 sheet; word it there first");
            } else if (seen.putIfAbsent(code, cell) != null) {
                p.add(cell, "问题代码“" + code + "”重复（已见于 " + seen.get(code) + "）",
                        "problem code \"" + code + "\" appears twice (first at " + seen.get(code) + ")");
            } else if (each != null) {
                items.put(code, new DeductionTable.Item(each, cap));
            }
        }
        return start == null ? null : new DeductionTable(p.sheet(), start, floor, items);
    }

    /** The number right of a label above the header; a required label missing is said at A2. */
    private static BigDecimal labelled(PlainSheet p, Map<String, int[]> labels, String label, boolean required) {
        int[] at = labels.get(label);
        if (at == null) {
            if (required) {
                p.add("A2", "“扣分”表缺少“" + label + "”：请在表头上方写“" + label + "”，右边一格填数字",
                        "the 扣分 sheet lacks " + label + ": write it above the header with a number in the cell to its right");
            }
            return null;
        }
        String cell = RuleWorkbook.address(at[0] + 1, at[1] + 1);
        return p.number(p.textAt(at[0], at[1] + 1), cell, label, required, null);
    }
}
