package govgrade.packs.build;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a piece of rule code (a consequence, a constraint, an eval): names, numbers,
 * quoted texts and punctuation, with comments dropped. Enough of Java and MVEL to tell a name
 * from text inside quotes; not a parser: the check reads names and their dots, not a syntax tree.
 */
final class CodeTokens {
    enum Kind {
        NAME, NUMBER, TEXT, PUNCT
    }

    /** One token and where it starts in the code. */
    record Token(Kind kind, String text, int offset) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    private CodeTokens() {
    }

    static List<Token> of(String code) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (code.startsWith("//", i)) {
                i = endOf(code, "\n", i + 2);
            } else if (code.startsWith("/*", i)) {
                i = endOf(code, "*/", i + 2);
            } else if (c == '"' || c == '\'') {
                int end = quoteEnd(code, i);
                out.add(new Token(Kind.TEXT, code.substring(i, end), i));
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                out.add(new Token(Kind.NAME, code.substring(i, end), i));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(code.charAt(i + 1)))) {
                int end = numberEnd(code, i);
                out.add(new Token(Kind.NUMBER, code.substring(i, end), i));
                i = end;
            } else if (code.startsWith("->", i) || code.startsWith("::", i)) {
                out.add(new Token(Kind.PUNCT, code.substring(i, i + 2), i));
                i += 2;
            } else {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), i));
                i++;
            }
        }
        return out;
    }

    private static int endOf(String code, String end, int from) {
        int at = code.indexOf(end, from);
        return at < 0 ? code.length() : at + end.length();
    }

    /** The end of a quoted text (a text block's three quotes, too), past its closing quote. */
    private static int quoteEnd(String code, int start) {
        char q = code.charAt(start);
        if (code.startsWith("\"\"\"", start)) {
            return endOf(code, "\"\"\"", start + 3);
        }
        int i = start + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == q) {
                return i + 1;
            } else {
                i++;
            }
        }
        return code.length();
    }

    /** Digits, a decimal point, an exponent, a suffix (10L, 2.5d, 0x1F, 1e-3). */
    private static int numberEnd(String code, int start) {
        int i = start;
        while (i < code.length()) {
            char c = code.charAt(i);
            boolean signOfExponent = (c == '-' || c == '+') && i > start
                    && (code.charAt(i - 1) == 'e' || code.charAt(i - 1) == 'E') && !code.startsWith("0x", start);
            if (Character.isLetterOrDigit(c) || c == '_' || signOfExponent
                    || (c == '.' && i + 1 < code.length() && Character.isDigit(code.charAt(i + 1)))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
