package govgrade.packs;

import govgrade.packs.tables.FigureSheet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A copy of shangqiu that declares figures: a 数据项 sheet typed as a policy officer would, and a
 * DRL file beside the pack's own whose rule reads a declared count.
 */
public final class FigureSheetEdit {
    public static final String XLSX = "decision-tables/shangqiu/shangqiu.xlsx";
    public static final String DRL = "rules-drl/shangqiu/figures.drl";
    /** Fails an account with fewer than 10 posts in total, by the declared count totalPosts (line 8 reads it). */
    public static final String RULE = """
            package govgrade.packs.shangqiu;

            import govgrade.derive.*;
            import govgrade.rules.*;

            rule "新媒体：发布总数不足"
            salience 200
            when
                $a : NewMediaAccount( count( "totalPosts" ) != null, count( "totalPosts" ) < 10 )
            then
                insert( Verdict.of( drools, $a, "FAIL" ) );
            end
            """;
    /** The declarations the tests start from. */
    public static final String[][] ROWS = {
        {"totalPosts", "账号", "计数", "否", "发布条数（含转载）"},
        {"verified", "account", "yes/no", "否", "已认证"},
        {"openedOn", "账号", "日期", "否", "开通日期"},
        {"portalLevel", "单位", "文本", "否", "单位网站级别"},
    };

    private FigureSheetEdit() {
    }

    /** {@code rows} below the header 名称 | 对象 | 类型 | 必填 | 含义 | 说明; null leaves a cell empty. */
    public static void write(Workbook wb, String[]... rows) {
        int old = wb.getSheetIndex(FigureSheet.SHEET);
        if (old >= 0) {
            wb.removeSheetAt(old);
        }
        Sheet s = wb.createSheet(FigureSheet.SHEET);
        String[][] all = new String[rows.length + 1][];
        all[0] = new String[] {"名称", "对象", "类型", "必填", "含义", "说明"};
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

    /** Shangqiu in {@code home}, with {@code rows} on its 数据项 sheet and {@code rule} as a second DRL file. */
    public static Path pack(Path home, String rule, String[]... rows) throws IOException {
        PackCopy.copy("shangqiu", home);
        PackCopy.editWorkbook(home.resolve(XLSX), wb -> write(wb, rows));
        Files.writeString(home.resolve(DRL), rule, StandardCharsets.UTF_8);
        return home;
    }

    /** The pack as the tests start from it. */
    public static Path pack(Path home) throws IOException {
        return pack(home, RULE, ROWS);
    }
}
