package govgrade.rules;

import govgrade.derive.Subject;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A 加权 sheet: a weighted sum of a subject's figures, each by its name on the sheet. */
public record WeightTable(String name, Map<String, BigDecimal> weights) implements Serializable {

    public WeightTable {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** Each figure's weight and the subject's value of it, for an explanation: "0.2 × 27". */
    Map<String, Object> describe(Subject s) {
        Map<String, Object> out = new LinkedHashMap<>();
        weights.forEach((figure, w) -> {
            BigDecimal v = ScoringFigures.value(s, figure);
            out.put(figure, w.toPlainString() + " × " + (v == null ? "0" : v.toPlainString()));
        });
        return out;
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
