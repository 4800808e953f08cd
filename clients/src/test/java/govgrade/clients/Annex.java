package govgrade.clients;

import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A circular's annex, the second body reconcile takes: three of the Mei county fixture's subjects
 * with the grade words a circular prints, one of them other than the run's (县行政审批局, 合格).
 */
final class Annex {
    private Annex() {
    }

    /** A Mei county annex as a circular prints it: rows left for a title, then numbered rows of unit, channel and grade word. */
    static byte[] meixian() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("附件");
            String[][] rows = {{"序号", "单位名称", "类别", "评定等级"}, {"1", "县退役军人事务局", "快讯动态", "优秀"},
                    {"2", "县行政审批局", "快讯动态", "合格"}, {"3", "健康眉县", "政务新媒体", "差"}};
            for (int i = 0; i < rows.length; i++) {
                Row row = s.createRow(i + 2);
                for (int j = 0; j < rows[i].length; j++) {
                    row.createCell(j).setCellValue(rows[i][j]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
