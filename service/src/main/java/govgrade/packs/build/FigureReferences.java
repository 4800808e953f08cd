package govgrade.packs.build;

import govgrade.facts.DeclaredFigure;
import govgrade.facts.DeclaredFigures;
import govgrade.facts.FigurePlace;
import govgrade.facts.FigureType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declared figures a rule reads by a literal name ({@code count("totalPosts")}): each must be
 * declared on the pack's 数据项 sheet, at the place the rule reads it and with the type its accessor
 * reads, or the build refuses the rule at its line (a typo would otherwise read null forever).
 * The place is the pattern's type for a call without receiver, the unit for {@code unit.count(..)};
 * through another receiver ({@code $a.count(..)}) any place that declares the name will do.
 */
final class FigureReferences {
    private static final Pattern USE = Pattern.compile(
            "(?<![\\w$])(count|number|text|date|yes|declared)\\(\\s*\"([^\"\\n]*)\"\\s*\\)");
    private static final Map<String, FigurePlace> PATTERN_PLACES = Map.of("NewMediaAccount", FigurePlace.ACCOUNT,
            "UnitActivity", FigurePlace.ACTIVITY, "UnitFact", FigurePlace.UNIT, "ColumnFact", FigurePlace.COLUMN);

    private final DeclaredFigures figures;

    FigureReferences(DeclaredFigures figures) {
        this.figures = figures;
    }

    /** The place a pattern of {@code objectType} reads its own figures at; null for another type. */
    static FigurePlace placeOf(String objectType) {
        if (objectType == null) {
            return null;
        }
        String simple = objectType.substring(objectType.lastIndexOf('.') + 1);
        return PATTERN_PLACES.get(simple);
    }

    /** A use found in {@code text}: where it starts, and what is wrong with it. */
    record Misuse(int start, String message) {
    }

    /** What is wrong with the figure reads in {@code text}, read inside a pattern at {@code place} (or none). */
    List<Misuse> check(String text, FigurePlace place) {
        List<Misuse> out = new ArrayList<>();
        for (Matcher m = USE.matcher(text); m.find(); ) {
            String accessor = m.group(1);
            String name = m.group(2);
            FigurePlace at = place(text, m.start(), place);
            String problem = problem(accessor, name, at);
            if (problem != null) {
                out.add(new Misuse(m.start(), problem));
            }
        }
        return out;
    }

    private String problem(String accessor, String name, FigurePlace at) {
        FigureType wanted = FigureType.ofAccessor(accessor);
        List<DeclaredFigure> candidates = new ArrayList<>();
        for (DeclaredFigure d : figures.all()) {
            if (d.name().equals(name) && (at == null || d.place() == at)) {
                candidates.add(d);
            }
        }
        String where = at == null ? "" : " on " + at.list();
        if (candidates.isEmpty()) {
            String near = nearest(name, at);
            return "reads figure " + name + where + ", which the pack's 数据项 sheet does not declare"
                    + (at == null ? "" : " there") + (near == null ? "" : "; did you mean " + near + "?");
        }
        if (wanted == null) {
            return null;
        }
        for (DeclaredFigure d : candidates) {
            if (d.type() == wanted) {
                return null;
            }
        }
        DeclaredFigure d = candidates.get(0);
        return "reads figure " + name + where + " with " + accessor + "(), but the 数据项 sheet declares it "
                + d.type().chineseName() + " (" + d.type().englishName() + "): read it with " + d.type().accessor()
                + "(\"" + name + "\")";
    }

    private String nearest(String name, FigurePlace at) {
        String best = null;
        for (DeclaredFigure d : figures.all()) {
            if ((at == null || d.place() == at) && d.name().equalsIgnoreCase(name)) {
                best = d.name();
            }
        }
        return best;
    }

    /** The place a call at {@code start} reads: by its receiver, else the enclosing pattern's. */
    private static FigurePlace place(String text, int start, FigurePlace pattern) {
        if (start == 0 || text.charAt(start - 1) != '.') {
            return pattern;
        }
        int i = start - 1;
        while (i > 0 && (Character.isJavaIdentifierPart(text.charAt(i - 1)) || text.charAt(i - 1) == '('
                || text.charAt(i - 1) == ')')) {
            i--;
        }
        String receiver = text.substring(i, start - 1).trim();
        if (receiver.equals("unit") || receiver.equals("getUnit()")) {
            return FigurePlace.UNIT;
        }
        return null;
    }
}
