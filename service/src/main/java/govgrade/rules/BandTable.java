package govgrade.rules;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 分档 sheet: score bands to grades, each band from its lower bound (included) to its upper
 * bound (excluded), an empty bound open. The sheet check refuses overlaps and gaps, so a score
 * within the outermost bounds falls in exactly one band.
 */
public record BandTable(String name, List<Band> bands) implements Serializable {

    /** One row: null bounds are open. */
    public record Band(BigDecimal lower, BigDecimal upper, Grade grade) implements Serializable {
        boolean contains(BigDecimal v) {
            return (lower == null || lower.compareTo(v) <= 0) && (upper == null || v.compareTo(upper) < 0);
        }
    }

    public BandTable {
        bands = List.copyOf(bands);
    }

    /** Each band as the sheet says it, for an explanation: "60 ≤ x < 80" to its grade. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Band b : bands) {
            String range = (b.lower() == null ? "" : b.lower().toPlainString() + " ≤ ") + "x"
                    + (b.upper() == null ? "" : " < " + b.upper().toPlainString());
            out.put(range, b.grade().name());
        }
        return out;
    }

    /** The grade of the band {@code score} falls in; null below the lowest or from the highest bound on. */
    public Grade grade(BigDecimal score) {
        if (score == null) {
            return null;
        }
        for (Band b : bands) {
            if (b.contains(score)) {
                return b.grade();
            }
        }
        return null;
    }
}
