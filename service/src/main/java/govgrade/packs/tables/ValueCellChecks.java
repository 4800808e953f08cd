package govgrade.packs.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value cell never becomes code. Drools pastes each data cell of a RuleTable into its column's
 * code template as text ({@code $param}, {@code $1}), into the rule name, or into a comment; it
 * escapes a quote only in some places and never a backslash. So each value is held here to the
 * literal its place in the template expects: inside a quoted string, text with no quote,
 * backslash or control character; in bare code, a number, true/false or one simple quoted text;
 * a priority, a whole number. Anything else is refused at its cell, before Drools sees the sheet.
 */
public final class ValueCellChecks {
    /** Longer than any label a circular prints; a 32,767-digit formula result is not a value. */
    static final int MAX_CELL_CHARS = 1_000;

    /** What Drools replaces: {@code $param}, {@code $1}..., and the bare {@code $} of a forall body. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(?:param|\\d+|(?![A-Za-z_$]))");
    private static final Pattern BARE_LITERAL =
            Pattern.compile("-?\\d{1,15}(?:\\.\\d{1,15})?|true|false|\"[^\"\\\\\\p{Cntrl}]*\"");
    private static final Pattern PRIORITY = Pattern.compile("-?\\d{1,9}");
    private static final Pattern UNSAFE_IN_STRING = Pattern.compile("[\"\\\\\\p{Cntrl}]");

    /** How a column's data cells reach the DRL. */
    private enum Use {
        TEMPLATE, QUOTED, COMMENT, PRIORITY, PARSED, REFUSED
    }

    private static final Map<String, Use> USES = Map.ofEntries(
            Map.entry("CONDITION", Use.TEMPLATE), Map.entry("ACTION", Use.TEMPLATE),
            Map.entry("NAME", Use.QUOTED), Map.entry("DESCRIPTION", Use.COMMENT),
            Map.entry("PRIORITY", Use.PRIORITY), Map.entry("P", Use.PRIORITY),
            // Drools parses these itself (a boolean, a long): no text of the cell reaches the DRL.
            Map.entry("DURATION", Use.PARSED), Map.entry("D", Use.PARSED), Map.entry("ENABLED", Use.PARSED),
            Map.entry("B", Use.PARSED), Map.entry("NO-LOOP", Use.PARSED), Map.entry("U", Use.PARSED),
            Map.entry("LOCK-ON-ACTIVE", Use.PARSED), Map.entry("L", Use.PARSED),
            Map.entry("AUTO-FOCUS", Use.PARSED), Map.entry("F", Use.PARSED),
            Map.entry("ACTIVATION-GROUP", Use.QUOTED), Map.entry("X", Use.QUOTED),
            Map.entry("AGENDA-GROUP", Use.QUOTED), Map.entry("G", Use.QUOTED),
            Map.entry("RULEFLOW-GROUP", Use.QUOTED), Map.entry("R", Use.QUOTED),
            Map.entry("DATE-EFFECTIVE", Use.QUOTED), Map.entry("V", Use.QUOTED),
            Map.entry("DATE-EXPIRES", Use.QUOTED), Map.entry("Z", Use.QUOTED),
            Map.entry("CALENDARS", Use.QUOTED), Map.entry("E", Use.QUOTED));

    private final List<TableCheck> out = new ArrayList<>();

    private ValueCellChecks() {
    }

    public static List<TableCheck> check(RuleWorkbook wb) {
        ValueCellChecks c = new ValueCellChecks();
        for (String sheet : wb.oversizedSheets()) {
            c.out.add(new TableCheck(sheet, RuleWorkbook.address(RuleWorkbook.MAX_ROWS + 1, 0),
                    "工作表超过 " + RuleWorkbook.MAX_ROWS + " 行，请删除多余的行",
                    "the sheet has text past row " + RuleWorkbook.MAX_ROWS + ", the limit of rows a decision table "
                            + "sheet may have"));
        }
        for (RuleWorkbook.Table t : wb.tables()) {
            for (RuleWorkbook.DataRow r : t.rows()) {
                for (RuleWorkbook.ColumnSpec col : t.columns()) {
                    String v = r.cells().get(col.col());
                    if (v != null) {
                        c.check(t.sheet(), RuleWorkbook.address(r.rowNumber(), col.col()), col, v);
                    }
                }
            }
        }
        return c.out;
    }

    private void check(String sheet, String cell, RuleWorkbook.ColumnSpec col, String v) {
        if (v.length() > MAX_CELL_CHARS) {
            out.add(new TableCheck(sheet, cell, "此格内容过长（" + v.length() + " 个字符，上限 " + MAX_CELL_CHARS + "）",
                    "the value has " + v.length() + " characters; a value cell holds at most " + MAX_CELL_CHARS));
            return;
        }
        Use use = USES.getOrDefault(col.type().toUpperCase(Locale.ROOT), Use.REFUSED);
        switch (use) {
            case TEMPLATE -> template(sheet, cell, col, v);
            case QUOTED -> quoted(sheet, cell, v);
            case COMMENT -> {
                if (v.contains("*/")) {
                    out.add(new TableCheck(sheet, cell, "说明中不能含有 */", "a description may not hold */ (it would end "
                            + "the comment Drools puts it in, and the rest would be code)"));
                }
            }
            case PRIORITY -> {
                if (!PRIORITY.matcher(v).matches()) {
                    out.add(new TableCheck(sheet, cell, "优先级应为整数，实际为“" + v + "”", "found \"" + v
                            + "\", expected a whole number (a priority in parentheses would be code)"));
                }
            }
            case PARSED -> {
                // Read as a boolean or a number by Drools: the text itself goes nowhere.
            }
            case REFUSED -> out.add(new TableCheck(sheet, cell, "这一列（" + col.type() + "）不能填写取值",
                    "a " + col.type() + " column's values are code in the generated rule; a pack's tables may not "
                            + "hold them"));
        }
    }

    private void template(String sheet, String cell, RuleWorkbook.ColumnSpec col, String v) {
        String template = col.template() == null ? "" : col.template().trim();
        List<Boolean> inString = placeholders(template);
        if (inString.isEmpty()) {
            // A condition naming only a field ("channelCode", "posts >") is compared with the value
            // in quotes; one ending in "?" and an action without $param take no value.
            if (col.type().equals("CONDITION") && !template.endsWith("?")) {
                quoted(sheet, cell, v);
            }
            return;
        }
        if (inString.contains(true)) {
            quoted(sheet, cell, v);
        }
        if (inString.contains(false)) {
            boolean split = template.contains("$1") || template.contains("forall(");
            for (String part : split ? v.split(",") : new String[] {v}) {
                if (!BARE_LITERAL.matcher(part.trim()).matches()) {
                    out.add(new TableCheck(sheet, cell, "此格应为数字（如 5 或 2.5），实际为“" + v + "”",
                            "found \"" + v + "\", expected a number (e.g. 5 or 2.5), true, false or one \"quoted\" text: "
                                    + "this value is pasted into the rule's code"));
                    return;
                }
            }
        }
    }

    private void quoted(String sheet, String cell, String v) {
        if (UNSAFE_IN_STRING.matcher(v).find()) {
            out.add(new TableCheck(sheet, cell, "此格不能含有英文双引号 \"、反斜杠 \\ 或换行（引号请用中文“”）",
                    "a value may not hold a double quote, a backslash or a line break: it goes into the rule "
                            + "as quoted text, and such a character would end the quotes and make the rest code"));
        }
    }

    /** For each placeholder of {@code template}, whether it stands inside a quoted string. */
    static List<Boolean> placeholders(String template) {
        List<Boolean> out = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (quoted && ch == '\\') {
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '$') {
                Matcher m = PLACEHOLDER.matcher(template);
                if (m.find(i) && m.start() == i) {
                    out.add(quoted);
                }
            }
        }
        return out;
    }
}
