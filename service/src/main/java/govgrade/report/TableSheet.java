package govgrade.report;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * One table on its own sheet, laid out as a circular's annex: 附件N on row 1, a merged title on
 * row 2, the days checked on row 3, the headers on row 4 frozen and repeated on every printed
 * page (Excel's print titles), column widths fitted to what the cells hold, one page wide when
 * printed, 第 N 页 共 M 页 in the footer. An annex prints no column that is empty all the way
 * down ({@link Columns#DROP_EMPTY}).
 *
 * <p>The sheet streams: rows leave memory soon after they are written, so nothing can be changed
 * above the last few. The title's height depends on the widths every cell below it decides, and
 * whether a column is printed at all on every cell of it, so a table is laid out twice by the
 * same code: once measuring only, then writing with the widths and columns known (see
 * {@link #write}).
 */
final class TableSheet {
    static final int ANNEX_ROW = 0;
    static final int TITLE_ROW = 1;
    static final int NOTE_ROW = 2;
    static final int HEADER_ROW = 3;
    /** Excel's limit on the characters of a cell; a longer text would fail the whole workbook. */
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    static final String CUT = "…";
    /** The footer a circular's pages carry; &P and &N are Excel's page number and page count. */
    static final String PAGE_FOOTER = "第 &P 页 共 &N 页";
    /** Widths in characters of the default font; a CJK character takes about two. */
    private static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 4;
    private static final int PADDING = 2;

    /** What sits above the headers: the annex's number (or null), its title and a note such as the days checked (or null). */
    record Heading(String annex, String title, String note) {
    }

    /** Whether a column no data cell has a value in is printed (a what-if keeps its before/after pairs whole). */
    enum Columns { KEEP_ALL, DROP_EMPTY }

    /** Null while measuring. */
    private final SXSSFSheet sheet;
    private final int[] widths;
    /** Per column as the caller numbers them: true once a data cell holds a value. */
    private final boolean[] used;
    /** Per column as the caller numbers them: where it is printed, or -1 where it is left out; null while measuring. */
    private final int[] printed;
    private final int columns;
    private int next = HEADER_ROW + 1;

    private TableSheet(SXSSFSheet sheet, ReportStyles styles, Heading heading, List<String> headers, int[] widths,
                       boolean[] used, int[] printed) {
        this.sheet = sheet;
        this.widths = widths;
        this.used = used;
        this.printed = printed;
        int n = 0;
        for (int c = 0; c < headers.size(); c++) {
            if (printed == null || printed[c] >= 0) {
                n++;
            }
        }
        this.columns = n;
        if (sheet == null) {
            for (int c = 0; c < headers.size(); c++) {
                fit(c, headers.get(c));
            }
            return;
        }
        Row annex = sheet.createRow(ANNEX_ROW);
        if (heading.annex() != null) {
            annex.createCell(0).setCellValue(heading.annex());
            annex.getCell(0).setCellStyle(styles.annex());
            annex.setHeightInPoints(22f);
        }
        Row top = sheet.createRow(TITLE_ROW);
        spanning(top, cut(heading.title()), styles.title());
        int lines = Math.max(1, (int) Math.ceil(displayWidth(cut(heading.title())) * 1.3 / Math.max(totalWidth(), 1)));
        top.setHeightInPoints(Math.min(lines, 3) * 26f);
        Row note = sheet.createRow(NOTE_ROW);
        if (heading.note() != null) {
            spanning(note, heading.note(), styles.note());
        }
        Row head = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = cell(head, c, styles.header());
            if (cell != null) {
                cell.setCellValue(cut(headers.get(c)));
            }
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
    }

    /**
     * Writes a sheet named {@code name} (made safe and unique in {@code wb}) holding the heading,
     * the headers and whatever {@code rows} adds. {@code rows} runs twice and must add the same
     * cells both times.
     */
    static void write(SXSSFWorkbook wb, String name, ReportStyles styles, Heading heading, List<String> headers,
                      Columns columns, Consumer<TableSheet> rows) {
        TableSheet measured = new TableSheet(null, styles, heading, headers, new int[headers.size()],
                new boolean[headers.size()], null);
        rows.accept(measured);
        int[] printed = new int[headers.size()];
        int n = 0;
        for (int c = 0; c < headers.size(); c++) {
            printed[c] = columns == Columns.KEEP_ALL || measured.used[c] ? n++ : -1;
        }
        TableSheet table = new TableSheet(wb.createSheet(SheetNames.unique(wb, name)), styles, heading, headers,
                measured.widths, measured.used, printed);
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
        if (r != null) {
            spanning(r, cut(text), style);
        }
    }

    /** A text cell; null (or nothing) leaves the cell empty but styled, so the borders stay whole. */
    void text(Row r, int col, String value, CellStyle style) {
        Cell cell = cell(r, col, style);
        if (value != null && !value.isEmpty()) {
            String shown = cut(value);
            holds(col, shown);
            if (cell != null) {
                cell.setCellValue(shown);
            }
        }
    }

    void number(Row r, int col, Number value, CellStyle style) {
        Cell cell = cell(r, col, style);
        if (value != null) {
            holds(col, plain(value));
            if (cell != null) {
                cell.setCellValue(value.doubleValue());
            }
        }
    }

    /** A date, held as Excel's date so it sorts, shown as {@code style} formats it (2019年6月14日). */
    void date(Row r, int col, LocalDate value, CellStyle style) {
        Cell cell = cell(r, col, style);
        if (value != null) {
            holds(col, PeriodWords.date(value));
            if (cell != null) {
                cell.setCellValue(value);
            }
        }
    }

    /** A fraction shown as a percent with one decimal: 0.784 reads 78.4%. */
    void percent(Row r, int col, BigDecimal percent, CellStyle style) {
        Cell cell = cell(r, col, style);
        if (percent != null) {
            holds(col, percent.toPlainString() + "%");
            if (cell != null) {
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

    /** The cell of column {@code col} as the caller numbers it; null while measuring or where the column is left out. */
    private Cell cell(Row r, int col, CellStyle style) {
        if (r == null || printed[col] < 0) {
            return null;
        }
        Cell cell = r.createCell(printed[col]);
        cell.setCellStyle(style);
        return cell;
    }

    /** Fills the printed width of {@code r} with {@code style}, {@code text} in the first cell, merged. */
    private void spanning(Row r, String text, CellStyle style) {
        for (int c = 0; c < columns; c++) {
            r.createCell(c).setCellStyle(style);
        }
        r.getCell(0).setCellValue(text);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, columns - 1));
        }
    }

    /** Sets the widths and how it prints; call once, after the last row. */
    private void finish() {
        for (int c = 0; c < printed.length; c++) {
            if (printed[c] >= 0) {
                sheet.setColumnWidth(printed[c], width(c) * 256);
            }
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        // The table's header on every page; 附件N and the title once, as a circular prints them.
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        sheet.getFooter().setCenter(PAGE_FOOTER);
    }

    private int width(int col) {
        return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[col] + PADDING));
    }

    /** The printed width of the table, in characters. */
    private int totalWidth() {
        int total = 0;
        for (int c = 0; c < printed.length; c++) {
            if (printed[c] >= 0) {
                total += width(c);
            }
        }
        return total;
    }

    /** Column {@code col} holds {@code shown} in some data cell: it is printed, at least this wide. */
    private void holds(int col, String shown) {
        used[col] = true;
        fit(col, shown);
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
