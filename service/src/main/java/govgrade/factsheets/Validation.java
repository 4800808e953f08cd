package govgrade.factsheets;

import govgrade.facts.Channel;
import govgrade.facts.Platform;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * The data validation of a facts sheet, so Excel and WPS refuse a wrong cell as it is typed:
 * drop-down lists for platforms, groups, channels and yes/no, dates, whole counts. The reader
 * checks the same again: validation is help, not a guarantee (pasted cells skip it).
 */
final class Validation {
    /** Rows below the filled ones that carry validation, for the office to add to. */
    private static final int ROOM = 2_000;

    private Validation() {
    }

    static void columns(Sheet s, List<Col> cols, int filledRows) {
        int last = Math.min(filledRows + ROOM, 1_048_575);
        for (int c = 0; c < cols.size(); c++) {
            Kind kind = cols.get(c).kind();
            switch (kind) {
                case PLATFORM -> list(s, c, last, Arrays.stream(Platform.values()).map(Platform::chineseName)
                        .toArray(String[]::new), "平台");
                case GROUP -> list(s, c, last, new String[] {"乡镇", "部门"}, "分组");
                case CHANNEL -> list(s, c, last, Arrays.stream(Channel.values()).map(Channel::chineseName)
                        .toArray(String[]::new), "渠道");
                case YES_NO -> list(s, c, last, new String[] {"是", "否"}, "是否");
                case OWNER -> list(s, c, last, new String[] {Layout.UNITS, Layout.ACCOUNTS, Layout.COLUMNS,
                    Layout.ACTIVITY}, "所在表");
                case DATE -> dates(s, 1, last, c);
                case COUNT -> {
                    DataValidationHelper h = s.getDataValidationHelper();
                    add(s, h.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null),
                            1, last, c, "条数", CellValues.expected(Kind.COUNT));
                }
                default -> {
                    // text, numbers, instants, cadences: checked when read
                }
            }
        }
    }

    static void dates(Sheet s, int firstRow, int lastRow, int column) {
        DataValidationHelper h = s.getDataValidationHelper();
        add(s, h.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN, "DATE(1990,1,1)",
                "DATE(2099,12,31)", "yyyy-mm-dd"), firstRow, lastRow, column, "日期", CellValues.expected(Kind.DATE));
    }

    private static void list(Sheet s, int column, int last, String[] values, String title) {
        DataValidationHelper h = s.getDataValidationHelper();
        add(s, h.createExplicitListConstraint(values), 1, last, column, title, "请从下拉列表选择：" + String.join("、", values));
    }

    private static void add(Sheet s, DataValidationConstraint constraint, int firstRow, int lastRow, int column,
                            String title, String text) {
        DataValidationHelper h = s.getDataValidationHelper();
        DataValidation v = h.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, column, column));
        v.setShowErrorBox(true);
        v.setEmptyCellAllowed(true);
        v.createErrorBox(title, text.length() > 255 ? text.substring(0, 255) : text);
        s.addValidationData(v);
    }
}
