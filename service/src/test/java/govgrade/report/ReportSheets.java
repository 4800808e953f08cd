package govgrade.report;

import govgrade.grading.GradedRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A run's report written and read back, and the header and rows of its sheets, for the report tests. */
final class ReportSheets {

    static final DataFormatter SHOWN = new DataFormatter();

    private ReportSheets() {
    }

    static XSSFWorkbook report(GradedRun run) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunReport.write(run, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    /** The name of a channel's sheet in the report of {@code run}: its pack's word, or the report's own. */
    static String sheetOf(GradedRun run, String channel) {
        return new Wording(run.report()).channel(channel);
    }

    /** Row 2 of a sheet: the title under 附件N. */
    static String title(Sheet sheet) {
        return sheet.getRow(TableSheet.TITLE_ROW).getCell(0).getStringCellValue();
    }

    static List<String> headers(XSSFSheet sheet) {
        XSSFRow row = sheet.getRow(TableSheet.HEADER_ROW);
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            out.add(row.getCell(c).getStringCellValue());
        }
        return out;
    }

    static List<Row> rowsBelowHeader(XSSFSheet sheet) {
        List<Row> out = new ArrayList<>();
        for (int r = TableSheet.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r) != null) {
                out.add(sheet.getRow(r));
            }
        }
        return out;
    }
}
