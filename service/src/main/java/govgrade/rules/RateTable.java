package govgrade.rules;

import govgrade.derive.Subject;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 比率 sheet: 分子 ÷ 分母 × 倍数, rounded to 小数位 places the way 舍入 says; where the
 * denominator is zero or missing, the sheet's 分母为零时 value ({@code whenZero}, null for 空).
 */
public record RateTable(String name, String numerator, String denominator, BigDecimal multiplier, int scale,
                        RoundingMode rounding, BigDecimal whenZero) implements Serializable {

    /** The sheet's row and the subject's figures it names, for an explanation. */
    Map<String, Object> describe(Subject s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(numerator, ScoringFigures.value(s, numerator));
        out.put(denominator, ScoringFigures.value(s, denominator));
        out.put("倍数", multiplier);
        out.put("小数位", scale);
        out.put("舍入", rounding.name());
        out.put("分母为零时", whenZero);
        return out;
    }

    /** The rate of the subject's figures named by the sheet; a missing numerator counts as 0. */
    public BigDecimal of(Subject s) {
        return of(ScoringFigures.value(s, numerator), ScoringFigures.value(s, denominator));
    }

    public BigDecimal of(BigDecimal num, BigDecimal den) {
        if (den == null || den.signum() == 0) {
            return whenZero;
        }
        BigDecimal n = num == null ? BigDecimal.ZERO : num;
        // Multiplied first, divided once: 16 × 100 ÷ 28 rounds the exact quotient, not a rounded one.
        return n.multiply(multiplier).divide(den, scale, rounding);
    }
}
