package govgrade.packs.build;

import govgrade.packs.PackError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.template.parser.DecisionTableParseException;
import org.kie.api.builder.Message;

/**
 * Puts what Drools says back where a person edits: a DRL file and line, or the sheet and cell a
 * generated rule came from. The one class that reads Drools' message texts; when a Drools
 * upgrade words them differently, this is the class to change.
 */
final class MessagePlacer {
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("cells? \\[?([A-Z]{1,3}[0-9]+)");
    private static final Pattern IN_RULE = Pattern.compile("in rule \"([^\"]+)\"");
    /** The comment SpreadsheetCompiler writes before each generated rule, naming the row's first cell. */
    private static final Pattern RULE_VALUES_AT = Pattern.compile("rule values at ([A-Z]{1,3}[0-9]+)");
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private MessagePlacer() {
    }

    /**
     * The build's error messages at their places; {@code origins} maps each path written to the
     * build to where its text came from.
     */
    static List<PackError> place(List<Message> messages, Map<String, Origin> origins) {
        Map<String, String> ruleAtLine = new HashMap<>();
        for (Message m : messages) {
            Matcher r = IN_RULE.matcher(m.getText());
            if (r.find()) {
                ruleAtLine.putIfAbsent(m.getPath() + ":" + m.getLine(), r.group(1));
            }
        }
        List<PackError> placed = new ArrayList<>();
        for (Message m : messages) {
            placed.add(place(m, origins, ruleAtLine.get(m.getPath() + ":" + m.getLine())));
        }
        return withoutEchoes(placed);
    }

    /**
     * A refusal of the code check at its place: the DRL file and line, or for DRL generated from a
     * sheet the cell where {@code name} was typed (an Import, a Functions cell, a template), else
     * the cell of the table row the line belongs to.
     */
    static PackError at(Origin o, Integer line, String name, String message) {
        if (!o.isSheet()) {
            return PackError.inDrl(o.file(), line, message);
        }
        String cell = name == null ? null : o.workbook().cellContaining(o.sheet(), name).orElse(null);
        if (cell == null && line != null) {
            cell = cellOf(o, line, null);
        }
        return PackError.inSheet(o.file(), o.sheet(), cell, message);
    }

    /** A sheet Drools could not turn into DRL, at the cell its exception names if it names one. */
    static PackError sheetFailure(String file, String sheet, RuntimeException e) {
        String text = String.valueOf(e.getMessage());
        if (e instanceof DecisionTableParseException) {
            return PackError.inSheet(file, sheet, cellIn(text), brief(text));
        }
        return PackError.inSheet(file, sheet, cellIn(text), "cannot read the decision table: " + brief(text));
    }

    /** One line of at most 400 characters: Drools' messages run over many lines and may quote whole rules. */
    static String brief(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }

    private static PackError place(Message m, Map<String, Origin> origins, String rule) {
        String text = brief(m.getText());
        Origin o = null;
        if (m.getPath() != null) {
            for (var e : origins.entrySet()) {
                if (e.getKey().endsWith(m.getPath()) || m.getPath().endsWith(e.getKey())) {
                    o = e.getValue();
                    break;
                }
            }
        }
        if (o == null) {
            return PackError.inFile(null, text);
        }
        Integer line = m.getLine() > 0 ? m.getLine() : null;
        if (!o.isSheet()) {
            return PackError.inDrl(o.file(), line, text);
        }
        String cell = line == null ? null : cellOf(o, line, rule);
        return PackError.inSheet(o.file(), o.sheet(), cell, text);
    }

    /**
     * One message per place: a parse error makes Drools repeat itself at the same line and then
     * add "Parser returned a null Package" for the file, which says nothing new.
     */
    static List<PackError> withoutEchoes(List<PackError> errors) {
        Map<String, PackError> byPlace = new LinkedHashMap<>();
        for (PackError e : errors) {
            byPlace.putIfAbsent(e.file() + "|" + e.sheet() + "|" + e.cell() + "|" + e.line(), e);
        }
        List<PackError> out = new ArrayList<>(byPlace.values());
        if (out.size() > 1) {
            out.removeIf(e -> e.message().contains(NULL_PACKAGE));
        }
        return out;
    }

    /**
     * The cell a generated DRL line came from: the row from the compiler's comment, then the cell
     * of that row whose value is on the failing line (or the row's first cell).
     */
    private static String cellOf(Origin o, int line, String rule) {
        // A string left open runs to the end of the file: the rule Drools names is where it began.
        String rowCell = rule == null ? null : o.workbook().rowCellOfKey(o.sheet(), rule).orElse(null);
        if (rowCell == null) {
            rowCell = rowCell(o.generatedDrl(), line);
        }
        if (rowCell == null) {
            return null;
        }
        int row = Integer.parseInt(rowCell.replaceAll("[A-Z]", ""));
        String[] lines = o.generatedDrl().split("\n", -1);
        String failing = line <= lines.length ? lines[line - 1] : "";
        return o.workbook().cellBreakingStrings(o.sheet(), row)
                .or(() -> o.workbook().cellInRow(o.sheet(), row, failing))
                .orElse(rowCell);
    }

    /** The first cell of the table row a generated DRL line belongs to, from the compiler's comments. */
    static String rowCell(String drl, int line) {
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_VALUES_AT.matcher(lines[i]);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String cellIn(String message) {
        Matcher m = CELL_IN_MESSAGE.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
