package govgrade.packs;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes a scoring sheet (分档, 扣分, 加权, 比率) into a workbook the way a policy officer types
 * it: the kind in A1, then rows of cells; a Number is written as a number, a String as text,
 * null leaves the cell empty. Replaces a sheet of the same name.
 */
public final class ScoringSheetEdit {
    private ScoringSheetEdit() {
    }

    /** {@code rows} from row 2 on (row 1 holds only the kind in A1). */
    public static void write(Workbook wb, String name, String kind, Object[]... rows) {
        int old = wb.getSheetIndex(name);
        if (old >= 0) {
            wb.removeSheetAt(old);
        }
        Sheet s = wb.createSheet(name);
        s.createRow(0).createCell(0).setCellValue(kind);
        for (int r = 0; r < rows.length; r++) {
            Row row = s.createRow(r + 1);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(c).setCellValue(v.toString());
                }
            }
        }
    }

    /** Bands: 下限 | 上限 | 等级 under a header in row 2. */
    public static void bands(Workbook wb, String name, Object[]... rows) {
        write(wb, name, "分档", prepend(new Object[] {"下限", "上限", "等级"}, rows));
    }

    /** Deductions: 满分 and 最低分 in rows 2 and 3, the header 问题代码 | 每次扣分 | 单项上限 in row 4. */
    public static void deductions(Workbook wb, String name, Object start, Object floor, Object[]... rows) {
        Object[][] all = new Object[rows.length + 3][];
        all[0] = new Object[] {"满分", start};
        all[1] = new Object[] {"最低分", floor};
        all[2] = new Object[] {"问题代码", "每次扣分", "单项上限"};
        System.arraycopy(rows, 0, all, 3, rows.length);
        write(wb, name, "扣分", all);
    }

    /** Weights: 数据项 | 权重 under a header in row 2. */
    public static void weights(Workbook wb, String name, Object[]... rows) {
        write(wb, name, "加权", prepend(new Object[] {"数据项", "权重"}, rows));
    }

    /** A rate: the header 分子 | 分母 | 倍数 | 小数位 | 舍入 | 分母为零时 in row 2, the rate in row 3. */
    public static void rate(Workbook wb, String name, Object... row) {
        write(wb, name, "比率", new Object[] {"分子", "分母", "倍数", "小数位", "舍入", "分母为零时"}, row);
    }

    private static Object[][] prepend(Object[] header, Object[][] rows) {
        Object[][] all = new Object[rows.length + 1][];
        all[0] = header;
        System.arraycopy(rows, 0, all, 1, rows.length);
        return all;
    }
}
