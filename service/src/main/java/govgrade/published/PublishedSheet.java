package govgrade.published;

import govgrade.facts.Channel;
import govgrade.packs.tables.RuleWorkbook;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a circular's annex as staff type it into Excel: a header row with a name column
 * (名称, 单位 or 账号) and a grade column (等级, 评定 or 结果), optionally a channel column
 * (类别, 栏目 or 渠道: 政务新媒体, 快讯动态 ...), one subject per row below it.
 */
public final class PublishedSheet {
    private PublishedSheet() {
    }

    public static PublishedFigures read(InputStream in) throws IOException {
        try (Workbook wb = WorkbookFactory.create(in)) {
            for (Sheet sheet : wb) {
                List<PublishedFigures.Row> rows = readSheet(sheet);
                if (rows != null) {
                    return new PublishedFigures(null, rows, List.of());
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("not a readable Excel workbook: " + e.getMessage(), e);
        }
        throw new IOException("no sheet has a header row with a name column (名称/单位/账号) and a grade column (等级/评定/结果)");
    }

    private static List<PublishedFigures.Row> readSheet(Sheet sheet) {
        for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 20); r++) {
            Row header = sheet.getRow(r);
            if (header == null) {
                continue;
            }
            int name = -1;
            int grade = -1;
            int channel = -1;
            for (int c = 0; c < header.getLastCellNum(); c++) {
                String h = RuleWorkbook.text(header.getCell(c));
                if (name < 0 && (h.contains("名称") || h.contains("单位") || h.contains("账号"))) {
                    name = c;
                } else if (grade < 0 && (h.contains("等级") || h.contains("评定") || h.contains("结果"))) {
                    grade = c;
                } else if (channel < 0 && (h.contains("类别") || h.contains("栏目") || h.contains("渠道"))) {
                    channel = c;
                }
            }
            if (name >= 0 && grade >= 0) {
                return rows(sheet, r + 1, name, grade, channel);
            }
        }
        return null;
    }

    private static List<PublishedFigures.Row> rows(Sheet sheet, int from, int name, int grade, int channel) {
        List<PublishedFigures.Row> out = new ArrayList<>();
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String n = row == null ? "" : RuleWorkbook.text(row.getCell(name));
            String g = row == null ? "" : RuleWorkbook.text(row.getCell(grade));
            if (n.isEmpty() && g.isEmpty()) {
                break;
            }
            String ch = channel < 0 ? null : channelCode(RuleWorkbook.text(row.getCell(channel)));
            out.add(new PublishedFigures.Row(null, n, ch, null, g.isEmpty() ? null : g, null, null, null, null));
        }
        return out;
    }

    private static String channelCode(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Channel.parse(text).code();
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
