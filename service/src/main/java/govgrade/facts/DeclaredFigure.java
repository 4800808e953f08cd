package govgrade.facts;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * One figure a pack declares on its 数据项 sheet: the name batches and rules use, where it sits,
 * what it holds, whether every entry at its place must carry it, and what it means (in Chinese,
 * for the report and the docs).
 */
public record DeclaredFigure(String name, FigurePlace place, FigureType type, boolean required, String meaning)
        implements Serializable {
    /** A name as JSON and DRL both take it without quoting: a lower-case letter, then letters and digits. */
    public static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
}
