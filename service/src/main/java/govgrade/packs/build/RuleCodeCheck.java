package govgrade.packs.build;

import govgrade.packs.PackError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/**
 * Rule code is checked before Drools compiles anything: the final DRL of every file and of every
 * sheet is read with Drools' own parser, and what it holds is held to {@link RuleVocabulary}.
 * Imports, pattern types, constraints, eval, from and accumulate, consequences and rule
 * attributes are looked at; functions, globals, declared types, queries, metadata, entry points
 * and windows are refused outright, as the bundled packs need none of them. A file the parser
 * cannot read is refused here too, so no code is compiled that was not checked.
 */
final class RuleCodeCheck {
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");
    /** Attributes a rule or package may set, with the form of their value. */
    private static final Map<String, Pattern> ATTRIBUTES = Map.of(
            "salience", WHOLE_NUMBER, "no-loop", Pattern.compile("true|false|"),
            "lock-on-active", Pattern.compile("true|false|"), "auto-focus", Pattern.compile("true|false|"),
            "enabled", Pattern.compile("true|false"), "dialect", Pattern.compile("java"),
            "ruleflow-group", Pattern.compile("[^\"\\\\]*"), "agenda-group", Pattern.compile("[^\"\\\\]*"),
            "activation-group", Pattern.compile("[^\"\\\\]*"));

    private final String source;
    private final Origin origin;
    private final Map<String, PackError> out = new LinkedHashMap<>();

    private RuleCodeCheck(String source, Origin origin) {
        this.source = source;
        this.origin = origin;
    }

    /** Every name the resources (path in the build to DRL) use and may not, each at its file and line or sheet and cell. */
    static List<PackError> check(Map<String, byte[]> resources, Map<String, Origin> origins) {
        List<PackError> out = new ArrayList<>();
        resources.forEach((path, bytes) -> {
            Origin o = origins.getOrDefault(path, Origin.drl(path));
            out.addAll(check(new String(bytes, StandardCharsets.UTF_8), o));
        });
        return out;
    }

    static List<PackError> check(String drl, Origin origin) {
        RuleCodeCheck c = new RuleCodeCheck(drl, origin);
        for (Matcher m = UNICODE_ESCAPE.matcher(drl); m.find(); ) {
            // Java reads \u0022 as a quote before anything else: text that looks like a string or a comment would be code.
            c.refuse(c.lineAt(m.start()), "\\u", "\"\\u\": unicode escapes are not allowed in a pack's code (write the character itself)");
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(null, drl);
        } catch (DroolsParserException e) {
            c.refuse(null, null, "the rules cannot be read: " + MessagePlacer.brief(String.valueOf(e.getMessage())));
            return c.errors();
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError e : parser.getErrors()) {
                int[] lines = e.getLines();
                Integer line = lines != null && lines.length > 0 && lines[0] > 0 ? lines[0] : null;
                c.refuse(line, null, MessagePlacer.brief(e.getMessage()));
            }
            if (c.out.isEmpty()) {
                c.refuse(null, null, "the rules cannot be read");
            }
            return c.errors();
        }
        c.walkPackage(pkg);
        return c.errors();
    }

    private void walkPackage(PackageDescr pkg) {
        for (ImportDescr i : pkg.getImports()) {
            if (!RuleVocabulary.isImport(i.getTarget())) {
                refuse(i.getLine(), i.getTarget(), "\"" + i.getTarget() + "\" may not be imported in a pack ("
                        + RuleVocabulary.WHAT_RULES_MAY_USE + ")");
            }
        }
        pkg.getFunctionImports().forEach(d -> refuseConstruct(d, "import function", "imported functions"));
        pkg.getAccumulateImports().forEach(d -> refuseConstruct(d, "import accumulate", "imported accumulate functions"));
        pkg.getGlobals().forEach(d -> refuse(line(d), d.getType() + " " + d.getIdentifier(), "globals are not allowed "
                + "in a pack (\"global " + d.getType() + " " + d.getIdentifier() + "\")"));
        pkg.getFunctions().forEach(d -> refuse(line(d), d.getName() + "(", "functions are not allowed in a pack "
                + "(\"function " + d.getName() + "\"); " + RuleVocabulary.WHAT_RULES_MAY_USE));
        pkg.getTypeDeclarations().forEach(d -> refuseConstruct(d, "declare " + d.getTypeName(), "declared types"));
        pkg.getEnumDeclarations().forEach(d -> refuseConstruct(d, "declare enum " + d.getTypeName(), "declared types"));
        pkg.getEntryPointDeclarations().forEach(d -> refuseConstruct(d, "entry-point", "entry points"));
        pkg.getWindowDeclarations().forEach(d -> refuseConstruct(d, "window", "windows"));
        if (pkg.getUnit() != null) {
            refuseConstruct(pkg.getUnit(), "unit", "rule units");
        }
        for (AttributeDescr a : pkg.getAttributes()) {
            attribute(a);
        }
        for (RuleDescr r : pkg.getRules()) {
            rule(r);
        }
    }

    private void rule(RuleDescr r) {
        if (r.isQuery()) {
            refuseConstruct(r, "query " + r.getName(), "queries");
            return;
        }
        annotations(r);
        r.getAttributes().values().forEach(this::attribute);
        walk(r.getLhs(), r.getLine(), r.getStartCharacter());
        if (!r.getNamedConsequences().isEmpty()) {
            refuseConstruct(r, "then[" + r.getNamedConsequences().keySet().iterator().next() + "]",
                    "named consequences");
        }
        if (r.getConsequence() instanceof String code) {
            code(code, locate(code, -1, r.getStartCharacter()), r.getConsequenceLine());
        } else if (r.getConsequence() != null) {
            refuseConstruct(r, "then", "consequences that are not code text");
        }
    }

    private void attribute(AttributeDescr a) {
        Pattern form = ATTRIBUTES.get(a.getName());
        String value = a.getValue() == null ? "" : a.getValue().trim();
        if (form == null) {
            refuse(line(a), a.getName(), "the rule attribute \"" + a.getName() + "\" is not allowed in a pack "
                    + "(allowed: " + String.join(", ", ATTRIBUTES.keySet().stream().sorted().toList()) + ")");
        } else if (!form.matcher(value).matches()) {
            refuse(line(a), a.getName() + " " + value, "the rule attribute \"" + a.getName() + "\" takes "
                    + (form == WHOLE_NUMBER ? "a whole number" : "a plain value") + ", not an expression");
        }
    }

    private void annotations(BaseDescr d) {
        if (d instanceof AnnotatedBaseDescr a && !a.getAnnotations().isEmpty()) {
            String name = "@" + a.getAnnotationNames().iterator().next();
            // Drools evaluates annotation values with MVEL while it builds: they would be code run at compile time.
            refuse(line(d), name, "metadata annotations (" + name + ") are not allowed in a pack");
        }
    }

    private void walk(BaseDescr d, int line, int from) {
        if (d == null) {
            return;
        }
        int here = d.getLine() > 0 ? d.getLine() : line;
        int start = d.getStartCharacter() >= 0 ? d.getStartCharacter() : from;
        if (d instanceof ExprConstraintDescr e) {
            code(e.getExpression(), locate(e.getExpression(), e.getStartCharacter(), from), here);
        } else if (d instanceof EvalDescr e) {
            String text = String.valueOf(e.getContent());
            code(text, locate(text, e.getStartCharacter(), from), here);
        } else if (d instanceof FromDescr f) {
            code(f.getExpression(), locate(f.getExpression(), -1, from), here);
        } else if (d instanceof PatternDescr p) {
            pattern(p, here, start);
        } else if (d instanceof AccumulateDescr a) {
            accumulate(a, here, start);
        } else if (d instanceof CollectDescr c) {
            c.getDescrs().forEach(x -> walk(x, here, start));
        } else if (d instanceof ForallDescr f) {
            f.getDescrs().forEach(x -> walk(x, here, start));
        } else if (d instanceof ConditionalElementDescr ce
                && d.getClass().getSimpleName().matches("AndDescr|OrDescr|NotDescr|ExistsDescr")) {
            ce.getDescrs().forEach(x -> walk((BaseDescr) x, here, start));
        } else {
            // Named branches, entry points, windows, OOPath and whatever a later Drools adds: not looked at, so not allowed.
            refuse(here, d.getClass().getSimpleName().replace("Descr", ""), "this construct is not allowed in a "
                    + "pack's conditions");
        }
    }

    private void pattern(PatternDescr p, int line, int from) {
        annotations(p);
        if (p.isQuery() || p.getObjectType() == null || !RuleVocabulary.isFactType(p.getObjectType())) {
            String type = String.valueOf(p.getObjectType());
            refuse(line, type, "\"" + type + "\" is not a fact type a rule may match (" + RuleVocabulary.WHAT_RULES_MAY_USE
                    + ")");
        }
        if (!p.getBehaviors().isEmpty()) {
            refuse(line, "over window", "sliding windows are not allowed in a pack");
        }
        walk((BaseDescr) p.getConstraint(), line, from);
        if (p.getSource() != null) {
            walk(p.getSource(), line, from);
        }
    }

    private void accumulate(AccumulateDescr a, int line, int from) {
        if (a.getInitCode() != null || a.getActionCode() != null || a.getResultCode() != null
                || a.getReverseCode() != null) {
            // Inline init/action/result blocks are statements run per fact: a loop by another name.
            refuse(line, "accumulate", "\"accumulate\" with init/action/result code is not allowed; use "
                    + String.join(", ", RuleVocabulary.ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
        }
        a.getDescrs().forEach(x -> walk(x, line, from));
        for (AccumulateDescr.AccumulateFunctionCallDescr fn : a.getFunctions()) {
            if (!RuleVocabulary.ACCUMULATE_FUNCTIONS.contains(fn.getFunction())) {
                refuse(line, fn.getFunction(), "the accumulate function \"" + fn.getFunction() + "\" is not allowed (use "
                        + String.join(", ", RuleVocabulary.ACCUMULATE_FUNCTIONS.stream().sorted().toList()) + ")");
            }
            for (String p : fn.getParams()) {
                code(p, locate(p, -1, from), line);
            }
        }
    }

    /** Checks the names of {@code code}, which starts at {@code offset} in the file (or, if unknown, on {@code line}). */
    private void code(String code, int offset, int line) {
        if (code == null) {
            return;
        }
        for (CodeNames.Refusal r : CodeNames.check(code)) {
            int at = offset >= 0 ? lineAt(offset + r.offset())
                    : line + (int) code.substring(0, r.offset()).chars().filter(ch -> ch == '\n').count();
            refuse(at, r.name(), "\"" + r.name() + "\" " + r.reason() + " (" + RuleVocabulary.WHAT_RULES_MAY_USE + ")");
        }
    }

    private void refuseConstruct(BaseDescr d, String name, String what) {
        refuse(line(d), name, what + " are not allowed in a pack (\"" + name + "\"); " + RuleVocabulary.WHAT_RULES_MAY_USE);
    }

    private static Integer line(BaseDescr d) {
        return d.getLine() > 0 ? d.getLine() : null;
    }

    /** One error per line and name: a name used five times on a line is said once. */
    private void refuse(Integer line, String name, String message) {
        String key = line + "|" + name + "|" + (name == null ? message : "");
        out.putIfAbsent(key, MessagePlacer.at(origin, line, name, message));
    }

    private List<PackError> errors() {
        return List.copyOf(out.values());
    }

    /** Where {@code text} starts in the file: at {@code hint} if it is there, else its first place after {@code from}. */
    private int locate(String text, int hint, int from) {
        if (text == null) {
            return -1;
        }
        if (hint >= 0 && source.startsWith(text, hint)) {
            return hint;
        }
        return source.indexOf(text, Math.max(0, from));
    }

    private int lineAt(int offset) {
        return 1 + (int) source.substring(0, Math.min(offset, source.length())).chars().filter(ch -> ch == '\n').count();
    }
}
