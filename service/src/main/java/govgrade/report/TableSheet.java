package govgrade.report;

import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One table on its own sheet, laid out as a circular's annex: a merged title on row 1, the
 * headers on row 2 frozen and repeated on every printed page, column widths fitted to what the
 * cells hold, one page wide when printed.
 */
final class TableSheet {
    static final int TITLE_ROW = 0;
    static final int HEADER_ROW = 1;
    /** Widths in characters of the default font; a CJK character takes about two. */
    private static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 4;
    private static final int PADDING = 2;

    private final XSSFSheet sheet;
    private final ReportStyles styles;
    private final int columns;
    private final int[] widths;
    private final String title;
    private int next = HEADER_ROW + 1;

    TableSheet(XSSFWorkbook wb, String name, ReportStyles styles, String title, List<String> headers) {
        this.sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(name));
        this.styles = styles;
        this.columns = headers.size();
        this.widths = new int[columns];
        this.title = title;
        XSSFRow top = sheet.createRow(TITLE_ROW);
        top.createCell(0).setCellValue(title);
        top.getCell(0).setCellStyle(styles.title());
        for (int c = 1; c < columns; c++) {
            top.createCell(c).setCellStyle(styles.title());
        }
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, columns - 1));
        }
        XSSFRow head = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < columns; c++) {
            text(head, c, headers.get(c), styles.header());
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
    }

    XSSFRow row() {
        return sheet.createRow(next++);
    }

    void skipRow() {
        next++;
    }

    /** A row spanning the table, such as a group's name; not counted in column widths. */
    void spanningRow(String text, CellStyle style) {
        XSSFRow r = row();
        for (int c = 0; c < columns; c++) {
            r.createCell(c).setCellStyle(style);
        }
        r.getCell(0).setCellValue(text);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, columns - 1));
        }
    }

    /** A text cell; null leaves the cell empty but styled, so the borders stay whole. */
    void text(XSSFRow r, int col, String value, CellStyle style) {
        XSSFCell cell = r.createCell(col);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
            fit(col, value);
        }
    }

    void number(XSSFRow r, int col, Number value, CellStyle style) {
        XSSFCell cell = r.createCell(col);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
            fit(col, plain(value));
        }
    }

    /** A fraction shown as a percent with one decimal: 0.784 reads 78.4%. */
    void percent(XSSFRow r, int col, BigDecimal percent, CellStyle style) {
        XSSFCell cell = r.createCell(col);
        cell.setCellStyle(style);
        if (percent != null) {
            cell.setCellValue(percent.movePointLeft(2).doubleValue());
            fit(col, percent.toPlainString() + "%");
        }
    }

    /** Sets the widths and the title's height; call once, after the last row. */
    void finish() {
        int total = 0;
        for (int c = 0; c < columns; c++) {
            int w = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + PADDING));
            sheet.setColumnWidth(c, w * 256);
            total += w;
        }
        int lines = Math.max(1, (int) Math.ceil(displayWidth(title) / (double) Math.max(total, 1)));
        sheet.getRow(TITLE_ROW).setHeightInPoints(Math.min(lines, 3) * 22f);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setRepeatingRows(new CellRangeAddress(TITLE_ROW, HEADER_ROW, -1, -1));
    }

    /**
     * How wide text shows, in widths of a Latin digit: CJK characters and full-width punctuation
     * count two. Multi-line text is as wide as its widest line.
     */
    static int displayWidth(String text) {
        int widest = 0;
        for (String line : text.split("\n", -1)) {
            int w = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                w += cp >= 0x2E80 && !(cp >= 0xFF61 && cp <= 0xFFDC) ? 2 : 1;
                i += Character.charCount(cp);
            }
            widest = Math.max(widest, w);
        }
        return widest;
    }

    private void fit(int col, String value) {
        widths[col] = Math.max(widths[col], displayWidth(value));
    }

    private static String plain(Number n) {
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
