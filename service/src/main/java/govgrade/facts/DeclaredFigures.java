package govgrade.facts;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures a pack declares, by place and name, and the check of a batch's {@code figures}
 * against them. A batch is read before its pack is known, so this check runs second, once the
 * pack is: every mistake at its JSON path in one refusal, worded like the built-in fields'.
 */
public final class DeclaredFigures implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Declarations a pack may make at one place; a batch's figures object is bounded by the same number. */
    public static final int MAX_PER_PLACE = 100;
    public static final DeclaredFigures NONE = new DeclaredFigures(List.of());

    private final List<DeclaredFigure> all;
    private final Map<FigurePlace, Map<String, DeclaredFigure>> byPlace = new LinkedHashMap<>();

    public DeclaredFigures(List<DeclaredFigure> declared) {
        this.all = List.copyOf(declared);
        for (DeclaredFigure d : all) {
            byPlace.computeIfAbsent(d.place(), k -> new LinkedHashMap<>()).putIfAbsent(d.name(), d);
        }
    }

    public List<DeclaredFigure> all() {
        return all;
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** The declaration of {@code name} at {@code place}, or null. */
    public DeclaredFigure find(FigurePlace place, String name) {
        return byPlace.getOrDefault(place, Map.of()).get(name);
    }

    /** The declarations at {@code place}, in sheet order. */
    public List<DeclaredFigure> at(FigurePlace place) {
        return List.copyOf(byPlace.getOrDefault(place, Map.of()).values());
    }

    /** The fields a batch gives at {@code place} itself: a declared figure may not take one of their names. */
    public static Set<String> builtIn(FigurePlace place) {
        String[] fields = switch (place) {
            case ACCOUNT -> AccountBinder.ACCOUNT;
            case UNIT -> BatchBinder.UNIT;
            case COLUMN -> BatchBinder.COLUMN;
            case ACTIVITY -> BatchBinder.ACTIVITY;
        };
        return Set.copyOf(Arrays.asList(fields));
    }

    /** Refuses {@code batch} where its figures do not fit these declarations of pack {@code pack}. */
    public void check(Batch batch, String pack, int errorsListed) throws BatchRejected {
        Violations out = new Violations(errorsListed);
        for (int i = 0; i < batch.units().size(); i++) {
            Batch.Unit u = batch.units().get(i);
            entry(u == null ? null : u.figures(), FigurePlace.UNIT, i, pack, out);
        }
        for (int i = 0; i < batch.accounts().size(); i++) {
            Batch.Account a = batch.accounts().get(i);
            entry(a == null ? null : a.figures(), FigurePlace.ACCOUNT, i, pack, out);
        }
        for (int i = 0; i < batch.columns().size(); i++) {
            Batch.Column c = batch.columns().get(i);
            entry(c == null ? null : c.figures(), FigurePlace.COLUMN, i, pack, out);
        }
        for (int i = 0; i < batch.activity().size(); i++) {
            Batch.Activity a = batch.activity().get(i);
            entry(a == null ? null : a.figures(), FigurePlace.ACTIVITY, i, pack, out);
        }
        if (!out.isEmpty()) {
            throw out.rejection();
        }
    }

    /** {@code figures} null: the entry gives none, which is fine unless the pack requires one there. */
    private void entry(Map<String, Object> given, FigurePlace place, int index, String pack, Violations out) {
        Map<String, Object> figures = given == null ? Map.of() : given;
        String at = place.list() + "[" + index + "].figures";
        Map<String, DeclaredFigure> declared = byPlace.getOrDefault(place, Map.of());
        for (Map.Entry<String, Object> e : figures.entrySet()) {
            DeclaredFigure d = declared.get(e.getKey());
            String path = at + "." + Violations.cut(e.getKey(), 100);
            if (d == null) {
                out.add(path, "a figure pack " + pack + " does not declare on " + place.list(), expectedNames(e.getKey(),
                        declared.keySet(), pack, place));
            } else {
                value(d, e.getValue(), path, out);
            }
        }
        for (DeclaredFigure d : declared.values()) {
            if (d.required() && figures.get(d.name()) == null) {
                out.add(at + "." + d.name(), "nothing", "the required figure " + d.name() + " (" + d.meaning() + "): "
                        + describe(d.type()));
            }
        }
    }

    private static void value(DeclaredFigure d, Object v, String path, Violations out) {
        boolean ok = switch (d.type()) {
            case COUNT -> v instanceof Integer n && n >= 0;
            case NUMBER -> v instanceof Integer || v instanceof BigDecimal;
            case DATE -> v instanceof String s && Dates.parse(s.toCharArray(), 0, s.length()) != null;
            case TEXT -> v instanceof String;
            case YES_NO -> v instanceof Boolean;
        };
        if (!ok) {
            String found = v instanceof String s ? Violations.quote(s) : v instanceof Boolean ? "a boolean (" + v + ")"
                    : v instanceof BigDecimal b ? "the number " + Violations.cut(b.toString(), Violations.ECHO)
                    : String.valueOf(v);
            out.add(path, found, describe(d.type()));
        }
    }

    private static String describe(FigureType t) {
        return switch (t) {
            case COUNT -> "a whole number >= 0 (计数)";
            case NUMBER -> "a number (数值)";
            case DATE -> "a date YYYY-MM-DD (日期)";
            case TEXT -> "a string (文本)";
            case YES_NO -> "true or false (是否)";
        };
    }

    private static String expectedNames(String name, Set<String> declared, String pack, FigurePlace place) {
        if (declared.isEmpty()) {
            return "no figures: pack " + pack + " declares none on " + place.list() + " (its 数据项 sheet)";
        }
        String near = nearest(name, declared);
        List<String> names = new ArrayList<>(declared);
        Collections.sort(names);
        return (near == null ? "" : "did you mean " + near + "? ") + "one of " + Violations.cut(String.join(", ", names),
                500);
    }

    /** The declared name a typo most likely meant: within two edits, or differing only in case. */
    static String nearest(String name, Set<String> declared) {
        String best = null;
        int bestDistance = 3;
        for (String d : declared) {
            int distance = d.equalsIgnoreCase(name) ? 0 : distance(name, d, bestDistance);
            if (distance < bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Edit distance, given up past {@code max} (a name is at most 40 characters, a key is cut to 100). */
    private static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) >= max || a.length() > 100) {
            return max;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Read back from a stored pack ({@code packs.build}): none is {@link #NONE} again, as a build gives it. */
    private Object readResolve() {
        return all.isEmpty() ? NONE : this;
    }
}
