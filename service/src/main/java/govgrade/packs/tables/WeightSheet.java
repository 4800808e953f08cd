package govgrade.packs.tables;

import govgrade.rules.ScoringFigures;
import govgrade.rules.WeightTable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A 加权 sheet: rows 数据项 (a figure's name) and 权重; the sum of weight × figure. */
final class WeightSheet {
    static final String FIGURE = "数据项";
    static final String WEIGHT = "权重";

    private WeightSheet() {
    }

    static WeightTable read(PlainSheet p) {
        if (!p.header("加权", FIGURE, WEIGHT)) {
            return null;
        }
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (int r : p.rows()) {
            String figure = p.text(r, FIGURE);
            String cell = p.cell(r, FIGURE);
            BigDecimal w = p.number(p.text(r, WEIGHT), p.cell(r, WEIGHT), WEIGHT, true, null);
            if (RateSheet.knownFigure(p, figure, cell, FIGURE) && seen.putIfAbsent(figure, cell) != null) {
                p.add(cell, "数据项“" + figure + "”重复（已见于 " + seen.get(figure) + "）",
                        "figure \"" + figure + "\" appears twice (first at " + seen.get(figure) + ")");
            } else if (w != null && figure != null) {
                weights.put(figure, w);
            }
        }
        if (p.rows().isEmpty()) {
            p.add(RuleWorkbook.address(p.headerRow() + 2, 0), "“加权”表没有数据行", "the 加权 sheet has no rows");
        }
        return new WeightTable(p.sheet(), weights);
    }
}
