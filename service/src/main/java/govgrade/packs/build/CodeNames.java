package govgrade.packs.build;

import govgrade.packs.build.CodeTokens.Kind;
import govgrade.packs.build.CodeTokens.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names one piece of rule code uses, each held to {@link RuleVocabulary}: a name that starts
 * a path must be a fact's field, an allowed type (by simple or full name), a bound {@code $}
 * variable, a local the code declared or an allowed word; every name after a dot must be a
 * member of an allowed type. So {@code java.lang.Runtime}, {@code System}, {@code while},
 * {@code drools.getKieRuntime()} and {@code x.getClass()} are each refused by name.
 */
final class CodeNames {
    /** A name the code may not use, where it starts in the code, and why. */
    record Refusal(int offset, String name, String reason) {
    }

    private static final Set<String> NOT_A_DECLARATION = Set.of("return", "new", "else", "instanceof", "in",
            "not", "contains", "matches", "memberOf", "excludes", "soundslike", "str");

    private final List<Token> tokens;
    private final Set<String> locals;
    private final List<Refusal> out = new ArrayList<>();

    private CodeNames(List<Token> tokens) {
        this.tokens = tokens;
        this.locals = declared(tokens);
    }

    static List<Refusal> check(String code) {
        CodeNames c = new CodeNames(CodeTokens.of(code));
        c.run();
        return c.out;
    }

    private void run() {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.PUNCT) {
                if (t.is("->") || t.is("::")) {
                    out.add(new Refusal(t.offset(), t.text(), "lambdas and method references are not allowed in a rule"));
                } else if (t.is("@") || t.is("#")) {
                    out.add(new Refusal(t.offset(), t.text(), "annotations and MVEL inline code are not allowed in a rule"));
                }
            } else if (t.kind() == Kind.NAME) {
                i = name(i);
            }
        }
    }

    /** Checks the name at {@code i}; returns the index of the last token it accounted for. */
    private int name(int i) {
        Token t = tokens.get(i);
        String name = t.text();
        if (i > 0 && tokens.get(i - 1).is(".")) {
            if (!RuleVocabulary.isMember(name)) {
                out.add(new Refusal(t.offset(), name, RuleVocabulary.isDeniedMember(name)
                        ? "leads out of the fact model or changes what the engine passed in"
                        : "is not a member of a type rules may use"));
            }
            return i;
        }
        if (name.startsWith("$") && !name.contains("__")) {
            return i; // a bound variable; Drools' own $x__Handle__ names are the engine's, not the rule's
        }
        if (name.equals("new")) {
            return created(i);
        }
        if (RuleVocabulary.LOOPS.contains(name)) {
            out.add(new Refusal(t.offset(), name, "loops are not allowed in a rule"));
            return i;
        }
        if (name.equals("drools") && i + 1 < tokens.size() && tokens.get(i + 1).is(".")) {
            out.add(new Refusal(t.offset(), "drools." + next(i + 2), "the engine's context may only be passed to "
                    + "the outcome builders (Problem.of(drools, ...)), not used"));
            return i;
        }
        if (RuleVocabulary.WORDS.contains(name) || RuleVocabulary.ENGINE.contains(name) || RuleVocabulary.isType(name)
                || locals.contains(name) || RuleVocabulary.isMember(name)) {
            return i;
        }
        List<String> path = path(i);
        for (int k = path.size(); k >= 2; k--) {
            if (RuleVocabulary.isFullName(String.join(".", path.subList(0, k)))) {
                return i + 2 * (k - 1); // the members after the type are checked as members
            }
        }
        out.add(new Refusal(t.offset(), shown(path), "is not allowed in a rule"));
        return i + 2 * (path.size() - 1);
    }

    /** After {@code new}: an allowed value type and its constructor's parenthesis; no arrays, no generics. */
    private int created(int i) {
        List<String> path = path(i + 1);
        int last = i + 2 * path.size() - 1;
        String type = String.join(".", path);
        String simple = path.isEmpty() ? "" : path.get(path.size() - 1);
        boolean known = path.size() == 1 || RuleVocabulary.isFullName(type);
        boolean call = last + 1 < tokens.size() && tokens.get(last + 1).is("(");
        if (path.isEmpty() || !known || !RuleVocabulary.NEWABLE.contains(simple) || !call) {
            String shown = path.isEmpty() ? "new" : "new " + type + (call ? "" : next(last + 1));
            out.add(new Refusal(tokens.get(i).offset(), shown, "creates what a rule may not create (new makes only "
                    + String.join(" and ", RuleVocabulary.NEWABLE.stream().sorted().toList()) + " values)"));
        }
        return Math.max(i, last);
    }

    /** The dotted names from {@code i}: java . lang . Runtime . getRuntime as [java, lang, Runtime, getRuntime]. */
    private List<String> path(int i) {
        List<String> out = new ArrayList<>();
        int j = i;
        while (j < tokens.size() && tokens.get(j).kind() == Kind.NAME) {
            out.add(tokens.get(j).text());
            if (j + 2 < tokens.size() && tokens.get(j + 1).is(".") && tokens.get(j + 2).kind() == Kind.NAME) {
                j += 2;
            } else {
                break;
            }
        }
        return out;
    }

    /** A refused path as a person would name it: up to its first type (java.lang.Runtime), or its first name. */
    private static String shown(List<String> path) {
        for (int k = 0; k < path.size(); k++) {
            if (Character.isUpperCase(path.get(k).charAt(0))) {
                return String.join(".", path.subList(0, k + 1));
            }
        }
        return path.get(0);
    }

    private String next(int i) {
        return i < tokens.size() ? tokens.get(i).text() : "";
    }

    /** Names the code declares as locals ({@code int adopted = ...}); lower case only, so no local hides a type. */
    private static Set<String> declared(List<Token> tokens) {
        Set<String> out = new HashSet<>();
        for (int j = 1; j + 1 < tokens.size(); j++) {
            Token t = tokens.get(j);
            Token before = tokens.get(j - 1);
            Token after = tokens.get(j + 1);
            boolean typed = (before.kind() == Kind.NAME && !NOT_A_DECLARATION.contains(before.text()))
                    || before.is(">") || before.is("]");
            boolean ends = after.is("=") || after.is(";") || after.is(",") || after.is(":") || after.is(")");
            if (t.kind() == Kind.NAME && typed && ends && Character.isLowerCase(t.text().charAt(0))) {
                out.add(t.text());
            }
        }
        return out;
    }
}
