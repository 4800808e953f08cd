package govgrade.factsheets;

import govgrade.facts.FigurePlace;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The 说明 sheet: how to fill the workbook, and every column of every sheet with what it takes. */
final class HelpSheet {
    private static final String[] HOW = {
        "填写说明",
        "1. 在“批次”表填写评分标准包、检查期间；其余各表每行一条记录，第一行表头请勿改动。",
        "2. 各表中的示例行请改写或删除；没有的内容整表留空即可。本标准包不读取的表（账号、栏目或报送与动态）不在本模板中。",
        "3. 单位、账号以“编号”相互引用：账号的所属单位编号、栏目与报送与动态的单位编号须在“单位”表中；发文、留言、问题表的账号编号须在“账号”表中。",
        "4. 账号的发文：在“发文”表逐条填写（系统自行计算条数与间隔），或在“账号”表填写最后更新日期、原创数、转载数。两者都填须一致。",
        "5. 问题：在“问题”表每条一行，写明所在表与编号（栏目另写栏目名称，报送与动态另写渠道）及问题代码，如 ERROR_WORDS、SERIOUS_WORDING_ERROR。",
        "6. 日期可填 Excel 日期或 2023-06-01、2023/6/1、2023年6月1日；时间按北京时间。是否栏填 是 或 否。",
        "7. 上传后，每处错误均指明表、行、列（如 账号!D7），改正后再上传即可。",
        "",
        "各表各列"};

    private HelpSheet() {
    }

    static void write(XSSFWorkbook book, Cells cells, Layout layout, Set<FigurePlace> read) {
        Sheet s = book.createSheet(Layout.HELP);
        int r = 0;
        for (String line : HOW) {
            s.createRow(r++).createCell(0).setCellValue(line);
        }
        s.getRow(0).getCell(0).setCellStyle(cells.header);
        Row h = s.createRow(r++);
        String[] titles = {"表", "列", "必填", "填写内容"};
        for (int i = 0; i < titles.length; i++) {
            h.createCell(i).setCellValue(titles[i]);
            h.getCell(i).setCellStyle(cells.header);
        }
        r = columns(s, r, Layout.BATCH, Layout.BATCH_ROWS);
        r = columns(s, r, Layout.UNITS, layout.units);
        if (read.contains(FigurePlace.ACCOUNT)) {
            r = columns(s, r, Layout.ACCOUNTS, layout.accounts);
            r = columns(s, r, Layout.POSTS, layout.posts);
            r = columns(s, r, Layout.MESSAGES, layout.messages);
        }
        if (read.contains(FigurePlace.COLUMN)) {
            r = columns(s, r, Layout.COLUMNS, layout.columns);
        }
        if (read.contains(FigurePlace.ACTIVITY)) {
            r = columns(s, r, Layout.ACTIVITY, layout.activity);
        }
        r = columns(s, r, Layout.FINDINGS, layout.findings);
        columns(s, r, Layout.EARLIER, layout.earlier);
        s.setColumnWidth(0, 14 * 256);
        s.setColumnWidth(1, 22 * 256);
        s.setColumnWidth(2, 6 * 256);
        s.setColumnWidth(3, 70 * 256);
    }

    private static int columns(Sheet s, int r, String sheet, List<Col> cols) {
        for (Col c : cols) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(sheet);
            row.createCell(1).setCellValue(c.header());
            row.createCell(2).setCellValue(c.required() ? "是" : "");
            String takes = CellValues.expected(c.kind() == null ? Kind.TEXT : c.kind());
            row.createCell(3).setCellValue(c.help().isEmpty() ? takes : c.help() + "。" + takes);
        }
        return r;
    }
}
