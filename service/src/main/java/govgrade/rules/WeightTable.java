package govgrade.rules;

import govgrade.derive.Subject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A 加权 sheet: a weighted sum of a subject's figures, each by its name on the sheet. */
public record WeightTable(String name, Map<String, BigDecimal> weights) {

    public WeightTable {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** Σ weight × figure, a figure the subject does not have counting as 0. */
    public BigDecimal sum(Subject s) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
            BigDecimal v = ScoringFigures.value(s, e.getKey());
            total = total.add(e.getValue().multiply(v == null ? BigDecimal.ZERO : v));
        }
        return total;
    }
}
