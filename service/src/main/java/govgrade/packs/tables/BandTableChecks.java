package govgrade.packs.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks decision tables whose rows are ranges ("posts >= $param", "posts <= $param" ... then an
 * outcome): two rows that can both match one subject with different outcomes (an overlap), and,
 * for a table over one count, a value no row matches (a gap). These are the mistakes of moving
 * one band edge (5 posts to 6) and forgetting its neighbour.
 */
public final class BandTableChecks {
    private static final Pattern RANGE = Pattern.compile("^\\s*([\\w.]+)\\s*(>=|>|<=|<|==)\\s*\\$param\\s*$");
    /** A text condition (channel == "news"): rows only compete when they name the same value. */
    private static final Pattern SELECTOR = Pattern.compile("^\\s*([\\w.]+)\\s*==\\s*\"\\$param\"\\s*$");

    private BandTableChecks() {
    }

    /** One bound on one field: value and whether it is included. */
    private record Bound(BigDecimal value, boolean closed) {
    }

    /** A row's interval on one field; null bounds are open-ended. */
    private record Interval(Bound lo, Bound hi) {
        boolean intersects(Interval o) {
            return below(lo, o.hi) && below(o.lo, hi);
        }

        /** True when some value is >= lo and <= hi (taking openness into account). */
        private static boolean below(Bound lo, Bound hi) {
            if (lo == null || hi == null) {
                return true;
            }
            int c = lo.value().compareTo(hi.value());
            return c < 0 || (c == 0 && lo.closed() && hi.closed());
        }

        boolean contains(BigDecimal v) {
            return (lo == null || lo.value().compareTo(v) < 0 || (lo.closed() && lo.value().compareTo(v) == 0))
                    && (hi == null || hi.value().compareTo(v) > 0 || (hi.closed() && hi.value().compareTo(v) == 0));
        }
    }

    private record BandRow(int rowNumber, String firstCell, Map<String, String> selectors, Map<String, Interval> ranges,
                           String outcome) {
    }

    public static List<TableCheck> check(RuleWorkbook wb) {
        List<TableCheck> out = new ArrayList<>();
        for (RuleWorkbook.Table t : wb.tables()) {
            bands(t).ifPresent(rows -> checkTable(t, rows, out));
        }
        return out;
    }

    /** The table's rows as ranges, if every condition column is a simple range on a field. */
    private static Optional<List<BandRow>> bands(RuleWorkbook.Table t) {
        Map<Integer, String[]> conditions = new LinkedHashMap<>();
        Map<Integer, String> selectors = new LinkedHashMap<>();
        List<Integer> actions = new ArrayList<>();
        for (RuleWorkbook.ColumnSpec c : t.columns()) {
            if (c.type().equals("CONDITION")) {
                Matcher sel = SELECTOR.matcher(c.template());
                Matcher m = RANGE.matcher(c.template());
                if (sel.matches()) {
                    selectors.put(c.col(), sel.group(1));
                } else if (m.matches()) {
                    conditions.put(c.col(), new String[] {m.group(1), m.group(2)});
                } else {
                    return Optional.empty();
                }
            } else if (c.type().equals("ACTION")) {
                actions.add(c.col());
            }
        }
        if (conditions.isEmpty() || actions.isEmpty()) {
            return Optional.empty();
        }
        List<BandRow> rows = new ArrayList<>();
        for (RuleWorkbook.DataRow r : t.rows()) {
            Map<String, Interval> ranges = new LinkedHashMap<>();
            Map<String, String> chosen = new LinkedHashMap<>();
            selectors.forEach((col, field) -> {
                String v = r.cells().get(col);
                if (v != null) {
                    chosen.put(field, v);
                }
            });
            String first = null;
            for (var c : conditions.entrySet()) {
                String v = r.cells().get(c.getKey());
                if (first == null) {
                    first = RuleWorkbook.address(r.rowNumber(), c.getKey());
                }
                if (v == null) {
                    continue;
                }
                BigDecimal n;
                try {
                    n = new BigDecimal(v);
                } catch (NumberFormatException e) {
                    return Optional.empty(); // not numeric ranges: nothing this check can say
                }
                String field = c.getValue()[0];
                Interval cur = ranges.getOrDefault(field, new Interval(null, null));
                ranges.put(field, switch (c.getValue()[1]) {
                    case ">=" -> new Interval(new Bound(n, true), cur.hi());
                    case ">" -> new Interval(new Bound(n, false), cur.hi());
                    case "<=" -> new Interval(cur.lo(), new Bound(n, true));
                    case "<" -> new Interval(cur.lo(), new Bound(n, false));
                    default -> new Interval(new Bound(n, true), new Bound(n, true));
                });
            }
            StringBuilder outcome = new StringBuilder();
            actions.forEach(a -> outcome.append(r.cells().getOrDefault(a, "")).append('|'));
            rows.add(new BandRow(r.rowNumber(), first, chosen, ranges, outcome.toString()));
        }
        return Optional.of(rows);
    }

    private static void checkTable(RuleWorkbook.Table t, List<BandRow> rows, List<TableCheck> out) {
        for (int j = 1; j < rows.size(); j++) {
            for (int i = 0; i < j; i++) {
                BandRow a = rows.get(i);
                BandRow b = rows.get(j);
                if (!a.outcome().equals(b.outcome()) && overlap(a, b)) {
                    out.add(new TableCheck(t.sheet(), b.firstCell(), "第" + b.rowNumber() + "行与第" + a.rowNumber()
                            + "行的范围重叠，同一对象可同时适用两行，而结果不同；请调整范围使其互不重叠",
                            "rows " + a.rowNumber() + " and " + b.rowNumber() + " overlap: one subject can match "
                                    + "both, with different outcomes"));
                }
            }
        }
        List<String> fields = rows.stream().flatMap(r -> r.ranges().keySet().stream()).distinct().toList();
        if (fields.size() == 1) {
            // Each selector value (each channel, say) must cover every count on its own.
            Map<Map<String, String>, List<BandRow>> groups = new LinkedHashMap<>();
            rows.forEach(r -> groups.computeIfAbsent(r.selectors(), k -> new ArrayList<>()).add(r));
            groups.values().forEach(g -> gap(t, g, fields.get(0)).ifPresent(out::add));
        }
    }

    private static boolean overlap(BandRow a, BandRow b) {
        for (var e : a.selectors().entrySet()) {
            String other = b.selectors().get(e.getKey());
            if (other != null && !other.equals(e.getValue())) {
                return false;
            }
        }
        for (var e : a.ranges().entrySet()) {
            Interval other = b.ranges().get(e.getKey());
            if (other != null && !e.getValue().intersects(other)) {
                return false;
            }
        }
        return true;
    }

    /** For counts (whole numbers from 0 up): the first value no row matches, if any. */
    private static Optional<TableCheck> gap(RuleWorkbook.Table t, List<BandRow> rows, String field) {
        BigDecimal top = BigDecimal.ZERO;
        for (BandRow r : rows) {
            Interval iv = r.ranges().get(field);
            for (Bound b : new Bound[] {iv == null ? null : iv.lo(), iv == null ? null : iv.hi()}) {
                if (b != null && b.value().compareTo(top) > 0) {
                    top = b.value();
                }
            }
        }
        for (BigDecimal v = BigDecimal.ZERO; v.compareTo(top.add(BigDecimal.ONE)) <= 0; v = v.add(BigDecimal.ONE)) {
            BigDecimal value = v;
            boolean covered = rows.stream().anyMatch(r -> r.ranges().getOrDefault(field, new Interval(null, null))
                    .contains(value));
            if (!covered) {
                BandRow after = rows.stream().filter(r -> {
                    Interval iv = r.ranges().get(field);
                    return iv != null && iv.lo() != null && iv.lo().value().compareTo(value) > 0;
                }).findFirst().orElse(rows.get(rows.size() - 1));
                return Optional.of(new TableCheck(t.sheet(), after.firstCell(), "没有一行适用于 " + field + " = " + value
                        + "：范围之间有空缺，请补上（例如把相邻一行的上限或下限改为 " + value + "）",
                        "no row matches " + field + " = " + value + ": the ranges leave a gap"));
            }
        }
        return Optional.empty();
    }
}
