package govgrade.report;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * Sheet names Excel accepts. A channel code this version does not know names its sheet as it is,
 * so a stored or hand-written run can bring any text: Excel allows 31 characters, some
 * characters not at all, and no two sheets whose names differ only in case. A name that would
 * clash gets a number, as Excel itself numbers a copied sheet: 名称 (2).
 */
final class SheetNames {
    private static final int MAX_LENGTH = 31;

    private SheetNames() {
    }

    static String unique(Workbook wb, String proposed) {
        String safe = WorkbookUtil.createSafeSheetName(proposed);
        String name = safe;
        for (int n = 2; wb.getSheetIndex(name) >= 0; n++) {
            String suffix = " (" + n + ")";
            name = safe.substring(0, Math.min(safe.length(), MAX_LENGTH - suffix.length())) + suffix;
        }
        return name;
    }
}
