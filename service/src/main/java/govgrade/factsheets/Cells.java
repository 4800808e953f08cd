package govgrade.factsheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writing the cells of a facts workbook: a date as an Excel date, a count as a number, the rest as text. */
final class Cells {
    private final CellStyle date;
    final CellStyle header;

    Cells(XSSFWorkbook book) {
        date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        header = book.createCellStyle();
        Font bold = book.createFont();
        bold.setBold(true);
        header.setFont(bold);
    }

    void put(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell c = row.createCell(column);
        if (value instanceof LocalDate d) {
            c.setCellValue(d);
            c.setCellStyle(date);
        } else if (value instanceof Integer n) {
            c.setCellValue(n);
        } else if (value instanceof BigDecimal d) {
            c.setCellValue(d.doubleValue());
        } else if (value instanceof Boolean b) {
            c.setCellValue(b ? "是" : "否");
        } else {
            c.setCellValue(value.toString());
        }
    }

    void header(Sheet s, java.util.List<Col> cols) {
        Row row = s.createRow(0);
        for (int i = 0; i < cols.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(cols.get(i).header());
            c.setCellStyle(header);
            s.setColumnWidth(i, Math.min(60, Math.max(10, cols.get(i).header().length() * 2 + 4)) * 256);
        }
        s.createFreezePane(0, 1);
    }
}
