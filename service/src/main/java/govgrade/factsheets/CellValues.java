package govgrade.factsheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import govgrade.facts.Cadence;
import govgrade.facts.Channel;
import govgrade.facts.Group;
import govgrade.facts.Platform;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A cell read as the JSON value a batch gives for it, whichever way Excel, WPS or LibreOffice
 * stored it: a date as an Excel date or as text, a count as a number or digits, yes/no as a
 * boolean or 是/否. A value that cannot be read is a {@link Bad} naming what was expected.
 */
final class CellValues {
    /** Circulars are Chinese: an Excel date and time without an offset is Beijing time. */
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern LOCAL_TIME = Pattern.compile(
            "(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2})[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final int TEXT_CHARS = 10_000;

    /** A cell that holds something this column cannot take. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final String found;
        final String expected;

        Bad(String found, String expected) {
            super(found, null, false, false);
            this.found = found;
            this.expected = expected;
        }
    }

    private CellValues() {
    }

    /** The value, or null for an empty cell. */
    static JsonNode read(Cell cell, Kind kind) throws Bad {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.BLANK || type == CellType.STRING && cell.getStringCellValue().isBlank()) {
            return null;
        }
        if (type == CellType.ERROR) {
            throw new Bad("an Excel error value (#N/A, #REF! ...)", expected(kind));
        }
        return switch (kind) {
            case TEXT, CODES, FIGURES -> JSON.textNode(text(cell, type));
            case DATE -> JSON.textNode(date(cell, type).toString());
            case COUNT -> JSON.numberNode(count(cell, type));
            case NUMBER -> number(cell, type);
            case YES_NO -> JSON.booleanNode(yesNo(cell, type));
            case INSTANT -> JSON.textNode(instant(cell, type));
            case PLATFORM -> JSON.textNode(parsed(text(cell, type), kind, Platform::parse).toString());
            case GROUP -> JSON.textNode(parsed(text(cell, type), kind, Group::parse).toString());
            case CHANNEL -> JSON.textNode(parsed(text(cell, type), kind, Channel::parse).toString());
            case CADENCE -> JSON.textNode(parsed(text(cell, type), kind, Cadence::parse).toString());
            case OWNER -> JSON.textNode(owner(text(cell, type)));
        };
    }

    /** What a column of {@code kind} takes, as a mistake's "expected" says it. */
    static String expected(Kind kind) {
        return switch (kind) {
            case TEXT, CODES, FIGURES -> "文本 (text)";
            case DATE -> "日期，如 2023-06-01 (a date)";
            case COUNT -> "不小于0的整数 (a whole number >= 0)";
            case NUMBER -> "数值 (a number)";
            case YES_NO -> "是 或 否 (yes or no)";
            case INSTANT -> "日期时间，如 2021-01-05 09:30 (a date and time, Beijing time unless an offset is given)";
            case PLATFORM -> "下拉列表中的平台之一，如 微信公众号、新浪微博、抖音 (a platform)";
            case GROUP -> "乡镇 或 部门 (township or department)";
            case CHANNEL -> "政府信息公开、快讯动态、信息报送 或 信息采用 (a channel)";
            case CADENCE -> "实时更新、N条/周、N条/月、N条/季度、N条/半年 或 N条/年 (a cadence)";
            case OWNER -> "单位、账号、栏目 或 报送与动态 (the sheet the finding belongs to)";
        };
    }

    static String text(Cell cell, CellType type) throws Bad {
        String s = switch (type) {
            case STRING -> cell.getStringCellValue();
            // An id typed as a number (1024) is the text 1024, not 1024.0.
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
        if (s.length() > TEXT_CHARS) {
            throw new Bad("text of " + s.length() + " characters", "at most " + TEXT_CHARS + " characters");
        }
        return s.trim();
    }

    private static LocalDate date(Cell cell, CellType type) throws Bad {
        if (type == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            if (!DateUtil.isValidExcelDate(d) || d != Math.floor(d) || d < 1) {
                throw new Bad("the number " + shown(cell, type), expected(Kind.DATE));
            }
            return DateUtil.getLocalDateTime(d, isDate1904(cell)).toLocalDate();
        }
        String s = text(cell, type);
        Matcher m = DATE.matcher(s);
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                throw new Bad(quote(s) + "（没有这一天）", expected(Kind.DATE));
            }
        }
        throw new Bad(quote(s), expected(Kind.DATE));
    }

    private static boolean isDate1904(Cell cell) {
        return cell.getSheet().getWorkbook() instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook x && x.isDate1904();
    }

    private static int count(Cell cell, CellType type) throws Bad {
        if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            double d = cell.getNumericCellValue();
            if (d == Math.floor(d) && d >= 0 && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
            throw new Bad("the number " + shown(cell, type), expected(Kind.COUNT));
        }
        String s = text(cell, type);
        if (s.matches("\\d{1,9}")) {
            return Integer.parseInt(s);
        }
        throw new Bad(quote(s), expected(Kind.COUNT));
    }

    private static JsonNode number(Cell cell, CellType type) throws Bad {
        if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            BigDecimal d = BigDecimal.valueOf(cell.getNumericCellValue());
            return whole(d);
        }
        String s = text(cell, type);
        try {
            if (s.length() <= 40) {
                return whole(new BigDecimal(s));
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new Bad(quote(s), expected(Kind.NUMBER));
    }

    /** A whole number as JSON writes it (48, not 48.0): the batch a JSON client sends. */
    private static JsonNode whole(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0 && s.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                && s.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0) {
            return JSON.numberNode(s.intValueExact());
        }
        return JSON.numberNode(s.scale() < 0 ? s.setScale(0) : s);
    }

    private static boolean yesNo(Cell cell, CellType type) throws Bad {
        if (type == CellType.BOOLEAN) {
            return cell.getBooleanCellValue();
        }
        String s = text(cell, type).toLowerCase(Locale.ROOT);
        return switch (s) {
            case "是", "true", "y", "yes", "1", "√" -> true;
            case "否", "false", "n", "no", "0", "×" -> false;
            default -> throw new Bad(quote(s), expected(Kind.YES_NO));
        };
    }

    private static String instant(Cell cell, CellType type) throws Bad {
        if (type == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            if (!DateUtil.isValidExcelDate(d)) {
                throw new Bad("the number " + shown(cell, type), expected(Kind.INSTANT));
            }
            LocalDateTime t = DateUtil.getLocalDateTime(d, isDate1904(cell), true);
            return t.atOffset(BEIJING).toString();
        }
        String s = text(cell, type);
        try {
            OffsetDateTime.parse(s);
            return s;
        } catch (DateTimeParseException e) {
            Matcher m = LOCAL_TIME.matcher(s);
            if (m.matches()) {
                String[] ymd = m.group(1).split("[-/]");
                try {
                    LocalDateTime t = LocalDateTime.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]),
                            Integer.parseInt(ymd[2]), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                            m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
                    return t.atOffset(BEIJING).toString();
                } catch (java.time.DateTimeException x) {
                    throw new Bad(quote(s) + "（没有这一时刻）", expected(Kind.INSTANT));
                }
            }
            throw new Bad(quote(s), expected(Kind.INSTANT));
        }
    }

    private static String owner(String s) throws Bad {
        return switch (s) {
            case Layout.UNITS, "unit", "units" -> "units";
            case Layout.ACCOUNTS, "account", "accounts" -> "accounts";
            case Layout.COLUMNS, "column", "columns" -> "columns";
            case Layout.ACTIVITY, "activity" -> "activity";
            default -> throw new Bad(quote(s), expected(Kind.OWNER));
        };
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parsed(String s, Kind kind, Parser<T> parser) throws Bad {
        try {
            return parser.parse(s);
        } catch (IllegalArgumentException e) {
            throw new Bad(quote(s), expected(kind));
        }
    }

    private static String shown(Cell cell, CellType type) {
        return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
    }

    static String quote(String s) {
        return "“" + (s.length() > 200 ? s.substring(0, 200) + "…" : s) + "”";
    }
}
