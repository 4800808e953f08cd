package govgrade.rules;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A problem's wording with placeholders: {@code {name}} prints the value the rule recorded on the
 * problem under that name ({@code Outcome.with}), {@code {name:中文}} a whole number in Chinese
 * numerals as a circular writes a count before a measure word (2 is 两: 连续两个月). A placeholder
 * the rule did not record prints as written, braces and all, so the mistake shows in the annex
 * instead of vanishing; the sheet check refuses what can be told at the cell (a brace left open,
 * a format other than 中文, a name that is not one).
 */
public final class ProblemWording {
    /** The one format a placeholder may ask for. */
    public static final String CHINESE = "中文";
    private static final String DIGITS = "零一二三四五六七八九";

    private ProblemWording() {
    }

    /** {@code template} with each placeholder whose name is in {@code values} filled in. */
    public static String fill(String template, Map<String, Object> values) {
        if (template == null || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder sb = new StringBuilder(template.length() + 8);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                sb.append(template, i, template.length());
                break;
            }
            sb.append(template, i, open);
            String inside = template.substring(open + 1, close);
            int colon = inside.indexOf(':');
            String name = colon < 0 ? inside : inside.substring(0, colon);
            String format = colon < 0 ? null : inside.substring(colon + 1);
            Object v = values.get(name);
            sb.append(v == null ? template.substring(open, close + 1) : format(v, format));
            i = close + 1;
        }
        return sb.toString();
    }

    private static String format(Object v, String format) {
        if (CHINESE.equals(format) && v instanceof Number n && whole(n)) {
            return chinese(n.longValue());
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static boolean whole(Number n) {
        if (n instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0;
        }
        return !(n instanceof Double || n instanceof Float) || n.doubleValue() == Math.rint(n.doubleValue());
    }

    /**
     * A count in Chinese numerals as a circular writes it before a measure word: 2 两, 3 三, 10 十,
     * 12 十二, 20 二十, 105 一百零五. Past 9999 (no circular counts months so), and below 0, in digits.
     */
    public static String chinese(long n) {
        if (n == 2) {
            return "两";
        }
        if (n < 0 || n > 9999) {
            return Long.toString(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt((int) n));
        }
        String[] units = {"千", "百", "十", ""};
        int[] digits = {(int) (n / 1000), (int) (n / 100 % 10), (int) (n / 10 % 10), (int) (n % 10)};
        StringBuilder sb = new StringBuilder();
        boolean zero = false;
        for (int k = 0; k < 4; k++) {
            int d = digits[k];
            if (d == 0) {
                zero = sb.length() > 0;
                continue;
            }
            if (zero) {
                sb.append('零');
                zero = false;
            }
            // 十二, not 一十二, when the tens lead
            if (!(k == 2 && d == 1 && sb.length() == 0)) {
                sb.append(DIGITS.charAt(d));
            }
            sb.append(units[k]);
        }
        return sb.toString();
    }

    /** A mistake in a wording, in the officer's words and in English. */
    public record Mistake(String chinese, String english) {
    }

    /** What is wrong with a wording's placeholders; null when nothing is. */
    public static Mistake check(String template) {
        if (template == null) {
            return null;
        }
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch == '}') {
                return new Mistake("右花括号 } 没有对应的左花括号", "a } with no { before it");
            }
            if (ch != '{') {
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            int reopen = template.indexOf('{', i + 1);
            if (close < 0 || (reopen >= 0 && reopen < close)) {
                return new Mistake("占位符 { 没有闭合", "a { is not closed by }");
            }
            String inside = template.substring(i + 1, close);
            int colon = inside.indexOf(':');
            String name = colon < 0 ? inside : inside.substring(0, colon);
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                return new Mistake("占位符 {" + inside + "} 的名称应为字母开头的英文名称，如 {months}",
                        "{" + inside + "}: a placeholder names a value the rule recorded, in letters and digits, "
                        + "such as {months}");
            }
            if (colon >= 0 && !CHINESE.equals(inside.substring(colon + 1))) {
                return new Mistake("占位符 {" + inside + "} 的格式只能是 :中文，如 {months:中文}",
                        "{" + inside + "}: the only format is :中文, as in {months:中文}");
            }
            i = close + 1;
        }
        return null;
    }
}
