package govgrade.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One table on its own sheet, laid out as a circular's annex: a merged title on row 1, the
 * headers on row 2 frozen and repeated on every printed page, column widths fitted to what the
 * cells hold, one page wide when printed.
 *
 * <p>The sheet streams: rows leave memory soon after they are written, so nothing can be changed
 * above the last few. The title's height depends on the widths every cell below it decides, so
 * a table is laid out twice by the same code: once measuring only, then writing with the widths
 * known (see {@link #write}).
 */
final class TableSheet {
    static final int TITLE_ROW = 0;
    static final int HEADER_ROW = 1;
    /** Excel's limit on the characters of a cell; a longer text would fail the whole workbook. */
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    static final String CUT = "…";
    /** Widths in characters of the default font; a CJK character takes about two. */
    private static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 4;
    private static final int PADDING = 2;

    /** Null while measuring. */
    private final SXSSFSheet sheet;
    private final int columns;
    private final int[] widths;
    private int next = HEADER_ROW + 1;

    private TableSheet(SXSSFSheet sheet, ReportStyles styles, String title, List<String> headers, int[] widths) {
        this.sheet = sheet;
        this.columns = headers.size();
        this.widths = widths;
        Row top = sheet == null ? null : sheet.createRow(TITLE_ROW);
        if (top != null) {
            top.createCell(0).setCellValue(cut(title));
            top.getCell(0).setCellStyle(styles.title());
            for (int c = 1; c < columns; c++) {
                top.createCell(c).setCellStyle(styles.title());
            }
            if (columns > 1) {
                sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, columns - 1));
            }
            int lines = Math.max(1, (int) Math.ceil(displayWidth(cut(title)) / (double) Math.max(totalWidth(), 1)));
            top.setHeightInPoints(Math.min(lines, 3) * 22f);
        }
        Row head = sheet == null ? null : sheet.createRow(HEADER_ROW);
        for (int c = 0; c < columns; c++) {
            text(head, c, headers.get(c), styles.header());
        }
        if (sheet != null) {
            sheet.createFreezePane(0, HEADER_ROW + 1);
        }
    }

    /**
     * Writes a sheet named {@code name} (made safe and unique in {@code wb}) holding the title,
     * the headers and whatever {@code rows} adds. {@code rows} runs twice and must add the same
     * cells both times.
     */
    static void write(SXSSFWorkbook wb, String name, ReportStyles styles, String title, List<String> headers,
                      Consumer<TableSheet> rows) {
        TableSheet measured = new TableSheet(null, styles, title, headers, new int[headers.size()]);
        rows.accept(measured);
        TableSheet table = new TableSheet(wb.createSheet(SheetNames.unique(wb, name)), styles, title, headers,
                measured.widths);
        rows.accept(table);
        table.finish();
    }

    /** The next row; null while measuring (the cell methods then only measure). */
    Row row() {
        int n = next++;
        return sheet == null ? null : sheet.createRow(n);
    }

    void skipRow() {
        next++;
    }

    /** A row spanning the table, such as a group's name; not counted in column widths. */
    void spanningRow(String text, CellStyle style) {
        Row r = row();
        if (r == null) {
            return;
        }
        for (int c = 0; c < columns; c++) {
            r.createCell(c).setCellStyle(style);
        }
        r.getCell(0).setCellValue(cut(text));
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, columns - 1));
        }
    }

    /** A text cell; null leaves the cell empty but styled, so the borders stay whole. */
    void text(Row r, int col, String value, CellStyle style) {
        Cell cell = cell(r, col, style);
        if (value != null) {
            String shown = cut(value);
            if (cell == null) {
                fit(col, shown);
            } else {
                cell.setCellValue(shown);
            }
        }
    }

    void number(Row r, int col, Number value, CellStyle style) {
        Cell cell = cell(r, col, style);
        if (value != null) {
            if (cell == null) {
                fit(col, plain(value));
            } else {
                cell.setCellValue(value.doubleValue());
            }
        }
    }

    /** A fraction shown as a percent with one decimal: 0.784 reads 78.4%. */
    void percent(Row r, int col, BigDecimal percent, CellStyle style) {
        Cell cell = cell(r, col, style);
        if (percent != null) {
            if (cell == null) {
                fit(col, percent.toPlainString() + "%");
            } else {
                cell.setCellValue(percent.movePointLeft(2).doubleValue());
            }
        }
    }

    /**
     * {@code text} as a cell can hold it: past Excel's 32,767 characters it is cut and ends with an
     * ellipsis, so a run with an absurd name still gets its report and the reader sees the cut.
     */
    static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = MAX_TEXT - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // half a character would be an unreadable cell
        }
        return text.substring(0, end) + CUT;
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

    private Cell cell(Row r, int col, CellStyle style) {
        if (r == null) {
            return null;
        }
        Cell cell = r.createCell(col);
        cell.setCellStyle(style);
        return cell;
    }

    /** Sets the widths and how it prints; call once, after the last row. */
    private void finish() {
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, width(c) * 256);
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setRepeatingRows(new CellRangeAddress(TITLE_ROW, HEADER_ROW, -1, -1));
    }

    private int width(int col) {
        return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[col] + PADDING));
    }

    private int totalWidth() {
        int total = 0;
        for (int c = 0; c < columns; c++) {
            total += width(c);
        }
        return total;
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
