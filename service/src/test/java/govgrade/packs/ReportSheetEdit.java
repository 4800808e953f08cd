package govgrade.packs;

import govgrade.packs.tables.ReportSheet;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Writes a 报表 sheet into a workbook the way a policy officer would type it, replacing any there. */
public final class ReportSheetEdit {
    private ReportSheetEdit() {
    }

    /** {@code rows} below the header 项目 | 工作表名称 | 标题 | 说明; null leaves a cell empty. */
    public static void write(Workbook wb, String[]... rows) {
        int old = wb.getSheetIndex(ReportSheet.SHEET);
        if (old >= 0) {
            wb.removeSheetAt(old);
        }
        Sheet s = wb.createSheet(ReportSheet.SHEET);
        String[][] all = new String[rows.length + 1][];
        all[0] = new String[] {"项目", "工作表名称", "标题", "说明"};
        System.arraycopy(rows, 0, all, 1, rows.length);
        for (int r = 0; r < all.length; r++) {
            Row row = s.createRow(r);
            for (int c = 0; c < all[r].length; c++) {
                if (all[r][c] != null) {
                    row.createCell(c).setCellValue(all[r][c]);
                }
            }
        }
    }
}
