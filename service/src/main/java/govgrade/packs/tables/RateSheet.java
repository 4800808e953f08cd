package govgrade.packs.tables;

import govgrade.rules.RateTable;
import govgrade.rules.ScoringFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 比率 sheet: one row 分子, 分母 (figure names), 倍数 (100 for a percent), 小数位, 舍入 and
 * 分母为零时 (a number, or 空 for no value). One rate per sheet: the sheet's name is the rate's.
 */
final class RateSheet {
    static final String NUMERATOR = "分子";
    static final String DENOMINATOR = "分母";
    static final String MULTIPLIER = "倍数";
    static final String SCALE = "小数位";
    static final String ROUNDING = "舍入";
    static final String ZERO = "分母为零时";
    static final String NONE = "空";
    /** Places a circular prints: more would be a typo, not a policy. */
    static final int MAX_SCALE = 6;
    /** The words for rounding as circulars and office suites say them. */
    static final Map<String, RoundingMode> ROUNDINGS = new LinkedHashMap<>();

    static {
        ROUNDINGS.put("四舍五入", RoundingMode.HALF_UP);
        ROUNDINGS.put("截断", RoundingMode.DOWN);
        ROUNDINGS.put("舍去", RoundingMode.DOWN);
        ROUNDINGS.put("进一", RoundingMode.UP);
        ROUNDINGS.put("银行家", RoundingMode.HALF_EVEN);
        ROUNDINGS.put("四舍六入五成双", RoundingMode.HALF_EVEN);
        for (RoundingMode m : List.of(RoundingMode.HALF_UP, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.HALF_EVEN)) {
            ROUNDINGS.put(m.name(), m);
        }
    }

    private RateSheet() {
    }

    static RateTable read(PlainSheet p) {
        if (!p.header("比率", NUMERATOR, DENOMINATOR, MULTIPLIER, SCALE, ROUNDING, ZERO)) {
            return null;
        }
        List<Integer> rows = p.rows();
        if (rows.size() != 1) {
            p.add(RuleWorkbook.address(rows.isEmpty() ? p.headerRow() + 2 : rows.get(1) + 1, 0),
                    "“比率”表只能有一行数据（此表有 " + rows.size() + " 行）；每个比率一张工作表",
                    "a 比率 sheet holds exactly one row (this one has " + rows.size() + "); one sheet per rate");
            return null;
        }
        int r = rows.get(0);
        String num = p.text(r, NUMERATOR);
        String den = p.text(r, DENOMINATOR);
        boolean ok = knownFigure(p, num, p.cell(r, NUMERATOR), NUMERATOR) & knownFigure(p, den, p.cell(r, DENOMINATOR), DENOMINATOR);
        BigDecimal mult = p.number(p.text(r, MULTIPLIER), p.cell(r, MULTIPLIER), MULTIPLIER, true, null);
        if (mult != null && mult.signum() <= 0) {
            p.add(p.cell(r, MULTIPLIER), "“倍数”须大于 0（百分比填 100）", "倍数 must be above 0 (100 for a percent)");
        }
        BigDecimal scale = p.number(p.text(r, SCALE), p.cell(r, SCALE), SCALE, true, BigDecimal.ZERO);
        if (scale != null && (scale.stripTrailingZeros().scale() > 0 || scale.intValue() > MAX_SCALE)) {
            p.add(p.cell(r, SCALE), "“小数位”应为 0 到 " + MAX_SCALE + " 的整数，此格为 " + p.text(r, SCALE),
                    "小数位 must be a whole number from 0 to " + MAX_SCALE + ", found " + p.text(r, SCALE));
            scale = null;
        }
        String word = p.text(r, ROUNDING);
        RoundingMode mode = word == null ? RoundingMode.HALF_UP : ROUNDINGS.get(word);
        if (mode == null) {
            p.add(p.cell(r, ROUNDING), "舍入方式“" + word + "”不认识，应为 " + String.join("、", ROUNDINGS.keySet()),
                    "unknown rounding \"" + word + "\"; expected one of " + String.join(", ", ROUNDINGS.keySet()));
        }
        String zeroText = p.text(r, ZERO);
        BigDecimal zero = zeroText == null || zeroText.equals(NONE) ? null
                : p.number(zeroText, p.cell(r, ZERO), ZERO + "（或“空”）", true, null);
        boolean zeroOk = zeroText == null || zeroText.equals(NONE) || zero != null;
        if (!ok || mult == null || mult.signum() <= 0 || scale == null || mode == null || !zeroOk) {
            return null;
        }
        return new RateTable(p.sheet(), num, den, mult, scale.intValue(), mode, zero);
    }

    /** True for a figure name a sheet may use; otherwise says why at its cell. */
    static boolean knownFigure(PlainSheet p, String name, String cell, String title) {
        if (name == null) {
            p.add(cell, "“" + title + "”为空，此格必须填写数据项名称（如 submitted、报送数）",
                    "empty " + title + " cell: a figure name is required, e.g. submitted or 报送数");
            return false;
        }
        if (!ScoringFigures.isKnown(name)) {
            p.add(cell, "数据项“" + name + "”不认识，应为：" + ScoringFigures.accepted(),
                    "unknown figure \"" + name + "\"; expected one of: " + ScoringFigures.accepted());
            return false;
        }
        return true;
    }
}
