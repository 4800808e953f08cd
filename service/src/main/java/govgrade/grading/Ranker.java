package govgrade.grading;

import govgrade.rules.RankMethod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ranks values, higher first, by a pack's method; entries keep their given order among equals. */
final class Ranker {
    private Ranker() {
    }

    /** Ranks for {@code values} (null: unranked), in the same order as given. */
    static List<Integer> rank(List<BigDecimal> values, RankMethod method) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparing((Integer i) -> values.get(i)).reversed());
        Map<Integer, Integer> ranks = new HashMap<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int pos = 0; pos < order.size(); pos++) {
            BigDecimal v = values.get(order.get(pos));
            boolean tie = previous != null && v.compareTo(previous) == 0;
            rank = switch (method) {
                case DENSE -> tie ? rank : rank + 1;
                case COMPETITION -> tie ? rank : pos + 1;
                case ORDINAL -> pos + 1;
            };
            ranks.put(order.get(pos), rank);
            previous = v;
        }
        List<Integer> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(ranks.get(i));
        }
        return out;
    }
}
