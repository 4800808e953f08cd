package govgrade.rules;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 扣分 sheet: a score that starts at 满分 and loses points per occurrence of a problem, each
 * problem's loss capped by its 单项上限, the score never below 最低分 (null: no floor).
 */
public record DeductionTable(String name, BigDecimal start, BigDecimal floor, Map<String, Item> items)
        implements Serializable {

    /** Points per occurrence and the cap on one problem's loss (null: none). */
    public record Item(BigDecimal each, BigDecimal cap) implements Serializable {
        BigDecimal points(int count) {
            BigDecimal p = each.multiply(BigDecimal.valueOf(count));
            return cap != null && p.compareTo(cap) > 0 ? cap : p;
        }
    }

    /** Problem outcomes or codes, one occurrence each, to counts by code. */
    static Map<String, Integer> counts(Collection<?> problems) {
        Map<String, Integer> counts = new HashMap<>();
        for (Object p : problems) {
            counts.merge(p instanceof Problem problem ? problem.getCode() : String.valueOf(p), 1, Integer::sum);
        }
        return counts;
    }

    /** Counts as a rule's map gives them, whole. */
    static Map<String, Integer> counts(Map<String, ? extends Number> given) {
        Map<String, Integer> counts = new HashMap<>();
        given.forEach((code, n) -> counts.put(code, n == null ? 0 : n.intValue()));
        return counts;
    }

    /** 满分, 最低分 and each problem's points and cap, for an explanation. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("满分", start);
        out.put("最低分", floor);
        items.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(e.getKey(),
                e.getValue().each().toPlainString() + (e.getValue().cap() == null ? "" : ", ≤ " + e.getValue().cap().toPlainString())));
        return out;
    }

    public DeductionTable {
        items = Map.copyOf(items);
    }

    /**
     * The score left after {@code counts} (problem code to occurrences); a code the sheet has no
     * row for costs nothing, as a problem the circular does not score.
     */
    public BigDecimal score(Map<String, Integer> counts) {
        BigDecimal lost = BigDecimal.ZERO;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Item item = items.get(e.getKey());
            if (item != null && e.getValue() != null && e.getValue() > 0) {
                lost = lost.add(item.points(e.getValue()));
            }
        }
        BigDecimal left = start.subtract(lost);
        return floor != null && left.compareTo(floor) < 0 ? floor : left;
    }
}
