package govgrade.packs.tables;

import govgrade.rules.BandTable;
import govgrade.rules.Grade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A 分档 sheet: rows 下限 (included; empty: no lower bound), 上限 (excluded; empty: none), 等级.
 * Bands sorted by their lower bound must meet edge to edge: an overlap would give one score two
 * grades, a gap none, and both are the mistake of moving one edge and forgetting its neighbour.
 */
final class BandSheet {
    static final String LOWER = "下限";
    static final String UPPER = "上限";
    static final String GRADE = "等级";

    private record Row(int row, BigDecimal lower, BigDecimal upper, BandTable.Band band, String lowerCell,
                       String upperCell) {
    }

    private BandSheet() {
    }

    static BandTable read(PlainSheet p, Map<String, Grade> grades) {
        if (!p.header("分档", LOWER, UPPER, GRADE)) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        boolean bad = false;
        for (int r : p.rows()) {
            BigDecimal lo = p.number(p.text(r, LOWER), p.cell(r, LOWER), LOWER, false, null);
            BigDecimal hi = p.number(p.text(r, UPPER), p.cell(r, UPPER), UPPER, false, null);
            bad |= (lo == null && p.text(r, LOWER) != null) || (hi == null && p.text(r, UPPER) != null);
            String word = p.text(r, GRADE);
            Grade g = word == null ? null : grades.get(word);
            if (g == null) {
                p.add(p.cell(r, GRADE), word == null ? "“等级”为空，此格必须填写等级（如 优秀、良好、合格、不合格）"
                        : "等级“" + word + "”不认识，应填写等级的写法（如 优秀、不合格）或代码（如 EXCELLENT）",
                        word == null ? "empty 等级 cell: a grade is required, e.g. 优秀 or EXCELLENT"
                        : "unknown grade \"" + word + "\"; expected a grade word such as 优秀 or a code such as EXCELLENT");
                bad = true;
            }
            if (lo != null && hi != null && lo.compareTo(hi) >= 0) {
                p.add(p.cell(r, UPPER), "上限 " + hi.toPlainString() + " 须大于下限 " + lo.toPlainString()
                        + "（" + p.cell(r, LOWER) + "）", "upper bound " + hi.toPlainString()
                        + " must be above the lower bound " + lo.toPlainString() + " (" + p.cell(r, LOWER) + ")");
                bad = true;
            }
            rows.add(new Row(r, lo, hi, new BandTable.Band(lo, hi, g), p.cell(r, LOWER), p.cell(r, UPPER)));
        }
        if (rows.isEmpty()) {
            p.add(RuleWorkbook.address(p.headerRow() + 2, 0), "“分档”表没有数据行", "the 分档 sheet has no rows");
            return null;
        }
        if (bad) {
            return null;
        }
        // Open lower bounds first, then by lower bound: neighbours in this order must meet.
        rows.sort(Comparator.comparing(Row::lower, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int i = 1; i < rows.size(); i++) {
            Row a = rows.get(i - 1);
            Row b = rows.get(i);
            int c = a.upper() == null || b.lower() == null ? 1 : a.upper().compareTo(b.lower());
            if (c > 0) {
                p.add(b.lowerCell(), "第 " + (b.row() + 1) + " 行与第 " + (a.row() + 1) + " 行的分档重叠（"
                        + a.upperCell() + " 上限 " + text(a.upper()) + "，" + b.lowerCell() + " 下限 " + text(b.lower())
                        + "）；一个分数只能落在一档", "rows " + (a.row() + 1) + " and " + (b.row() + 1) + " overlap ("
                        + a.upperCell() + " upper " + text(a.upper()) + ", " + b.lowerCell() + " lower " + text(b.lower())
                        + "); a score must fall in one band only");
            } else if (c < 0) {
                p.add(b.lowerCell(), "第 " + (a.row() + 1) + " 行与第 " + (b.row() + 1) + " 行之间有空档（"
                        + a.upperCell() + " 上限 " + text(a.upper()) + "，" + b.lowerCell() + " 下限 " + text(b.lower())
                        + "）；请让上一档的上限等于下一档的下限", "a gap between rows " + (a.row() + 1) + " and "
                        + (b.row() + 1) + " (" + a.upperCell() + " upper " + text(a.upper()) + ", " + b.lowerCell()
                        + " lower " + text(b.lower()) + "); make one band's upper bound the next one's lower bound");
            }
        }
        return new BandTable(p.sheet(), rows.stream().map(Row::band).toList());
    }

    private static String text(BigDecimal v) {
        return v == null ? "（空）" : v.toPlainString();
    }
}
