package govgrade.report;

import govgrade.rules.Grade;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * How a report looks: one style per kind of cell, made once per workbook (a workbook holds at
 * most 64,000 styles, so a style per cell would break a large run).
 */
final class ReportStyles {
    /** The fills a circular's reader expects: green for excellent, red for failed, orange-red for poor. */
    private static final Map<Grade, String> GRADE_FILLS = Map.of(
            Grade.EXCELLENT, "C6EFCE",
            Grade.GOOD, "DDEBF7",
            Grade.PASS, "F2F2F2",
            Grade.FAIL, "FFC7CE",
            Grade.POOR, "F8A07E");
    private static final String HIGHLIGHT = "FFEB84";
    private static final String HEADER_FILL = "D9D9D9";
    private static final String GROUP_FILL = "EDEDED";

    /** What a data cell holds, which decides its alignment and number format. */
    enum Kind { TEXT, WRAPPED, NUMBER, PERCENT, DATE }

    /** A date as circulars print one: 2019年6月14日. */
    static final String DATE_FORMAT = "yyyy\"年\"m\"月\"d\"日\"";

    private final XSSFWorkbook wb;
    private final XSSFFont plain;
    private final XSSFFont bold;
    private final Map<String, XSSFCellStyle> made = new HashMap<>();

    ReportStyles(XSSFWorkbook wb) {
        this.wb = wb;
        this.plain = font(false, 11);
        this.bold = font(true, 11);
    }

    XSSFCellStyle title() {
        return made.computeIfAbsent("title", k -> {
            XSSFCellStyle s = wb.createCellStyle();
            s.setFont(font(true, 16));
            s.setAlignment(HorizontalAlignment.CENTER);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(true);
            return s;
        });
    }

    /** 附件1 above the title, at the left, as a circular numbers its annexes. */
    XSSFCellStyle annex() {
        return made.computeIfAbsent("annex", k -> {
            XSSFCellStyle s = wb.createCellStyle();
            XSSFFont f = font(true, 12);
            f.setFontName("黑体");
            s.setFont(f);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        });
    }

    /** The line under the title: the days checked. */
    XSSFCellStyle note() {
        return made.computeIfAbsent("note", k -> {
            XSSFCellStyle s = wb.createCellStyle();
            s.setFont(plain);
            s.setAlignment(HorizontalAlignment.CENTER);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        });
    }

    XSSFCellStyle header() {
        return made.computeIfAbsent("header", k -> {
            XSSFCellStyle s = bordered(bold);
            s.setAlignment(HorizontalAlignment.CENTER);
            s.setWrapText(true);
            fill(s, HEADER_FILL);
            return s;
        });
    }

    /** The row that opens a group (乡镇, 部门) inside a channel sheet. */
    XSSFCellStyle group() {
        return made.computeIfAbsent("group", k -> {
            XSSFCellStyle s = bordered(bold);
            fill(s, GROUP_FILL);
            return s;
        });
    }

    XSSFCellStyle cell(Kind kind) {
        return made.computeIfAbsent("cell:" + kind, k -> shaped(bordered(plain), kind));
    }

    /** A grade cell, filled by the grade (not by the pack's word for it, which differs between packs). */
    XSSFCellStyle grade(String gradeCode) {
        Grade g = Grade.lookup(gradeCode);
        if (g == null) {
            return cell(Kind.TEXT);
        }
        return made.computeIfAbsent("grade:" + g, k -> {
            XSSFCellStyle s = bordered(g.failing() ? bold : plain);
            s.setAlignment(HorizontalAlignment.CENTER);
            fill(s, GRADE_FILLS.get(g));
            return s;
        });
    }

    /** A what-if cell whose value differs before and after. */
    XSSFCellStyle changed(Kind kind) {
        return made.computeIfAbsent("changed:" + kind, k -> {
            XSSFCellStyle s = shaped(bordered(bold), kind);
            fill(s, HIGHLIGHT);
            return s;
        });
    }

    private XSSFCellStyle shaped(XSSFCellStyle s, Kind kind) {
        switch (kind) {
            case WRAPPED -> s.setWrapText(true);
            case NUMBER -> s.setAlignment(HorizontalAlignment.RIGHT);
            case PERCENT -> s.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            case DATE -> {
                s.setDataFormat(wb.createDataFormat().getFormat(DATE_FORMAT));
                s.setAlignment(HorizontalAlignment.CENTER);
            }
            case TEXT -> { }
        }
        return s;
    }

    private XSSFCellStyle bordered(XSSFFont f) {
        XSSFCellStyle s = wb.createCellStyle();
        s.setFont(f);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private XSSFFont font(boolean isBold, int points) {
        XSSFFont f = wb.createFont();
        // 宋体 is what circulars print in; a machine without it substitutes its own CJK font.
        f.setFontName("宋体");
        f.setFontHeightInPoints((short) points);
        f.setBold(isBold);
        return f;
    }

    private static void fill(XSSFCellStyle s, String rgb) {
        s.setFillForegroundColor(new XSSFColor(HexFormat.of().parseHex(rgb)));
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}
