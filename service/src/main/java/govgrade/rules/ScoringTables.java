package govgrade.rules;

import govgrade.derive.Subject;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring tables of a pack by name (the name of the sheet each is on): the 分档, 扣分, 加权
 * and 比率 sheets, read and checked at their cells by {@code packs.tables.ScoringSheets}.
 */
public final class ScoringTables implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final ScoringTables NONE = new ScoringTables(List.of());

    /** The four kinds, each by the word in cell A1 of its sheet. */
    public enum Kind {
        BAND("分档", "band"), DEDUCTION("扣分", "deduct"), WEIGHTED("加权", "weighted"), RATE("比率", "rate");

        private final String word;
        private final String function;

        Kind(String word, String function) {
            this.word = word;
            this.function = function;
        }

        /** The word that marks a sheet of this kind: 分档 ... */
        public String word() {
            return word;
        }

        /** The Criteria function that reads a table of this kind. */
        public String function() {
            return function;
        }

        /** The kind a function of Criteria reads, or null. */
        public static Kind ofFunction(String function) {
            for (Kind k : values()) {
                if (k.function.equals(function)) {
                    return k;
                }
            }
            return null;
        }
    }

    private final Map<String, Object> tables = new LinkedHashMap<>();

    /** {@code tables}: BandTable, DeductionTable, WeightTable or RateTable values, names unique. */
    public ScoringTables(Collection<?> tables) {
        for (Object t : tables) {
            this.tables.put(nameOf(t), t);
        }
    }

    private static String nameOf(Object t) {
        if (t instanceof BandTable b) {
            return b.name();
        } else if (t instanceof DeductionTable d) {
            return d.name();
        } else if (t instanceof WeightTable w) {
            return w.name();
        } else if (t instanceof RateTable r) {
            return r.name();
        }
        throw new IllegalArgumentException("not a scoring table: " + t);
    }

    /** The kind of the table named {@code name}, or null where the pack has none by that name. */
    public Kind kindOf(String name) {
        Object t = tables.get(name);
        if (t instanceof BandTable) {
            return Kind.BAND;
        } else if (t instanceof DeductionTable) {
            return Kind.DEDUCTION;
        } else if (t instanceof WeightTable) {
            return Kind.WEIGHTED;
        }
        return t instanceof RateTable ? Kind.RATE : null;
    }

    /** The names of the tables of {@code kind}, in workbook order. */
    public List<String> names(Kind kind) {
        List<String> out = new ArrayList<>();
        tables.keySet().forEach(n -> {
            if (kindOf(n) == kind) {
                out.add(n);
            }
        });
        return out;
    }

    /** A number a rule passes (an Integer count, a BigDecimal score, a double) as a BigDecimal; null stays null. */
    static BigDecimal decimal(Number n) {
        if (n == null || n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        return n instanceof Integer || n instanceof Long ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.toString());
    }

    /** What table {@code name} holds, with the figures of {@code s} it reads, its kind first; for an explanation. */
    Map<String, Object> describe(String name, Subject s) {
        Object t = tables.get(name);
        Kind kind = kindOf(name);
        if (kind == null) {
            throw new IllegalStateException("the pack has no scoring sheet named " + name);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind.word());
        if (t instanceof BandTable b) {
            out.putAll(b.describe());
        } else if (t instanceof DeductionTable d) {
            out.putAll(d.describe());
        } else if (t instanceof WeightTable w) {
            out.putAll(w.describe(s));
        } else {
            out.putAll(((RateTable) t).describe(s));
        }
        return out;
    }

    <T> T get(String name, Class<T> type, Kind kind) {
        Object t = tables.get(name);
        if (!type.isInstance(t)) {
            // The build refuses a rule naming a table the workbook lacks; this is a name built at run time.
            throw new IllegalStateException("the pack has no " + kind.word() + " sheet named " + name);
        }
        return type.cast(t);
    }

    /** Read back from a stored pack ({@code packs.build}): none is {@link #NONE} again, as a build gives it. */
    private Object readResolve() {
        return tables.isEmpty() ? NONE : this;
    }
}
