package govgrade.packs.build;

import govgrade.facts.Channel;
import govgrade.facts.DeclaredFigures;
import govgrade.facts.FigurePlace;
import govgrade.packs.PackError;
import govgrade.packs.PackSource;
import govgrade.rules.Criteria;
import govgrade.rules.ScoringTables;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Every parameter, setting and problem a DRL file names must be defined by a table row; a
 * deleted row is reported at the DRL line that needs it, not as a silent rule that never fires.
 * The DRL is read by Drools' own parser, so comments, rule names and text outside code are not
 * mistaken for uses: only constraints, eval, from and accumulate expressions, consequences and
 * function bodies are looked at.
 */
final class ReferenceCheck {
    private static final Pattern NUMBER_USE = Pattern.compile("\\.(?:integer|decimal)\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern SETTING_USE = Pattern.compile("\\.(?:setting|platforms)\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern PROBLEM_USE = Pattern.compile("Problem\\.of\\([^,]+,[^,]+,\\s*\"([A-Z0-9_]+)\"\\s*\\)");
    private static final Pattern TABLE_USE = Pattern.compile("\\.(band|deduct|weighted|rate)\\(\\s*\"([^\"]+)\"");
    private static final Pattern USING_USE = Pattern.compile("\\.using\\(\\s*[^,()]+,\\s*\"([^\"]+)\"");
    /** A channel named by its code as text: a typo there would make a condition that never holds, silently. */
    private static final Pattern CHANNEL_USE = Pattern.compile(
            "(channelCode\\s*(?:==|!=)\\s*|notListed\\([^,()]+,\\s*)\"([^\"]*)\"");
    private static final Pattern WHOLE_NUMBER_USE = Pattern.compile("\\.integer\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern COMMENT = Pattern.compile("//[^\n]*|/\\*(?s:.*?)\\*/");

    private final String file;
    private final String source;
    private final Criteria criteria;
    private final FigureReferences figures;
    private final List<PackError> out = new ArrayList<>();
    /** The place of the pattern whose constraints are being read, null outside one (or for another type). */
    private FigurePlace pattern;

    private ReferenceCheck(String file, String source, Criteria criteria, DeclaredFigures figures) {
        this.file = file;
        this.source = source;
        this.criteria = criteria;
        this.figures = new FigureReferences(figures);
    }

    /**
     * The names the pack's DRL files use and its tables do not define, and the figures they read
     * that its 数据项 sheet does not declare, each at its file and line.
     */
    static List<PackError> check(PackSource src, Criteria criteria, DeclaredFigures figures) {
        List<PackError> out = new ArrayList<>();
        src.files().forEach((f, bytes) -> {
            if (f.toLowerCase().endsWith(".drl")) {
                out.addAll(check(f, new String(bytes, StandardCharsets.UTF_8), criteria, figures));
            }
        });
        return out;
    }

    /**
     * The parameters the DRL files of {@code files} read as whole numbers ({@code integer("gapDays")}),
     * found in their text with comments blanked: their table cells must hold whole numbers.
     */
    static Set<String> wholeNumberParameters(Map<String, byte[]> files) {
        Set<String> out = new HashSet<>();
        files.forEach((f, bytes) -> {
            if (f.toLowerCase().endsWith(".drl")) {
                Matcher m = WHOLE_NUMBER_USE.matcher(blankComments(new String(bytes, StandardCharsets.UTF_8)));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        });
        return out;
    }

    /** One DRL file of a pack that declares no figures. */
    static List<PackError> check(String file, String drl, Criteria criteria) {
        return check(file, drl, criteria, DeclaredFigures.NONE);
    }

    /** One DRL file; a file Drools cannot parse yields nothing here (the build has reported it). */
    static List<PackError> check(String file, String drl, Criteria criteria, DeclaredFigures figures) {
        PackageDescr pkg;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(null, drl);
        } catch (DroolsParserException e) {
            return List.of();
        }
        if (pkg == null || parser.hasErrors()) {
            return List.of();
        }
        ReferenceCheck c = new ReferenceCheck(file, drl, criteria, figures);
        for (RuleDescr r : pkg.getRules()) {
            c.walk(r.getLhs(), r.getLine(), r.getStartCharacter());
            if (r.getConsequence() instanceof String code) {
                c.scan(code, c.locate(code, -1, r.getStartCharacter()), r.getConsequenceLine());
            }
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            c.scan(f.getBody(), c.locate(f.getBody(), -1, f.getStartCharacter()), f.getLine());
        }
        c.out.sort(Comparator.comparing(PackError::line));
        return c.out;
    }

    private void walk(BaseDescr d, int line, int from) {
        if (d == null) {
            return;
        }
        int here = d.getLine() > 0 ? d.getLine() : line;
        int start = d.getStartCharacter() >= 0 ? d.getStartCharacter() : from;
        if (d instanceof ExprConstraintDescr e) {
            scan(e.getExpression(), locate(e.getExpression(), e.getStartCharacter(), from), here);
        } else if (d instanceof EvalDescr e) {
            String code = String.valueOf(e.getContent());
            scan(code, locate(code, e.getStartCharacter(), from), here);
        } else if (d instanceof FromDescr f) {
            scan(f.getExpression(), locate(f.getExpression(), -1, from), here);
        } else if (d instanceof PatternDescr p) {
            FigurePlace outer = pattern;
            pattern = FigureReferences.placeOf(p.getObjectType());
            walk((BaseDescr) p.getConstraint(), here, start);
            pattern = outer;
            walk(p.getSource(), here, start);
        } else if (d instanceof AccumulateDescr a) {
            a.getDescrs().forEach(x -> walk(x, here, start));
            a.getFunctions().forEach(fn -> {
                for (String p : fn.getParams()) {
                    scan(p, locate(p, -1, start), here);
                }
            });
            for (String code : new String[] {a.getInitCode(), a.getActionCode(), a.getResultCode()}) {
                if (code != null) {
                    scan(code, locate(code, -1, start), here);
                }
            }
        } else if (d instanceof CollectDescr c) {
            c.getDescrs().forEach(x -> walk(x, here, start));
        } else if (d instanceof ForallDescr f) {
            f.getDescrs().forEach(x -> walk(x, here, start));
        } else if (d instanceof ConditionalElementDescr ce) {
            ce.getDescrs().forEach(x -> walk((BaseDescr) x, here, start));
        }
    }

    /** Where {@code text} starts in the file: at {@code hint} if it is there, else its first place after {@code from}. */
    private int locate(String text, int hint, int from) {
        if (hint >= 0 && source.startsWith(text, hint)) {
            return hint;
        }
        return source.indexOf(text, Math.max(0, from));
    }

    /** Reports the undefined names in {@code code}, which starts at {@code offset} (or, if unknown, on {@code line}). */
    private void scan(String code, int offset, int line) {
        String text = blankComments(code);
        int first = offset >= 0 ? lineAt(offset) : line;
        for (Matcher m = NUMBER_USE.matcher(text); m.find(); ) {
            if (!criteria.declares(m.group(1))) {
                add(first, text, m, "uses parameter " + m.group(1) + ", which no row of the pack's decision tables sets");
            }
        }
        for (Matcher m = SETTING_USE.matcher(text); m.find(); ) {
            if (!criteria.declares(m.group(1))) {
                add(first, text, m, "uses setting " + m.group(1) + ", which no row of the pack's decision tables sets");
            }
        }
        for (Matcher m = TABLE_USE.matcher(text); m.find(); ) {
            tableUse(first, text, m);
        }
        for (Matcher m = USING_USE.matcher(text); m.find(); ) {
            if (criteria.scoring().kindOf(m.group(1)) == null) {
                add(first, text, m, "using(..., \"" + m.group(1) + "\") names a scoring sheet the pack's workbook does not have");
            }
        }
        for (Matcher m = PROBLEM_USE.matcher(text); m.find(); ) {
            if (!criteria.hasProblem(m.group(1))) {
                add(first, text, m, "reports problem " + m.group(1) + ", which has no wording in the pack's problem table");
            }
        }
        for (Matcher m = CHANNEL_USE.matcher(text); m.find(); ) {
            // channelCode holds the code; notListed also takes the Chinese name (Channel.parse).
            String named = m.group(2);
            boolean byName = m.group(1).startsWith("notListed");
            if (Arrays.stream(Channel.values()).noneMatch(ch -> ch.code().equals(named)
                    || byName && ch.chineseName().equals(named))) {
                add(first, text, m, "names channel \"" + named + "\", which is no channel code ("
                        + Arrays.stream(Channel.values()).map(Channel::code).collect(Collectors.joining(", "))
                        + "): the condition would never hold");
            }
        }
        for (FigureReferences.Misuse u : figures.check(text, pattern)) {
            add(first, text, u.start(), u.message());
        }
    }

    /** A scoring function must name a sheet of its kind: band a 分档 sheet, rate a 比率 sheet ... */
    private void tableUse(int first, String text, Matcher m) {
        ScoringTables.Kind wanted = ScoringTables.Kind.ofFunction(m.group(1));
        String name = m.group(2);
        ScoringTables.Kind found = criteria.scoring().kindOf(name);
        if (found == wanted) {
            return;
        }
        List<String> names = criteria.scoring().names(wanted);
        add(first, text, m, m.group(1) + "(\"" + name + "\") needs a " + wanted.word() + " sheet named " + name + " (cell A1 "
                + wanted.word() + "), " + (found == null ? "which the pack's workbook does not have"
                : "but that sheet is a " + found.word() + " sheet") + "; " + wanted.word() + " sheets: "
                + (names.isEmpty() ? "none" : String.join(", ", names)));
    }

    private void add(int first, String text, Matcher m, String message) {
        add(first, text, m.start(), message);
    }

    private void add(int first, String text, int start, String message) {
        int line = first + (int) text.substring(0, start).chars().filter(ch -> ch == '\n').count();
        out.add(PackError.inDrl(file, line, message));
    }

    private int lineAt(int offset) {
        return 1 + (int) source.substring(0, offset).chars().filter(ch -> ch == '\n').count();
    }

    /** Comments turned to spaces, line breaks kept, so a commented-out use is no use and lines still count. */
    static String blankComments(String code) {
        Matcher m = COMMENT.matcher(code);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group().replaceAll("[^\n]", " ")));
        }
        return m.appendTail(sb).toString();
    }
}
