package govgrade.facts;

import java.util.Locale;

/** Where a figure a pack declares sits in a batch: on accounts, units, columns or activity entries. */
public enum FigurePlace {
    ACCOUNT("账号", "account", "accounts"),
    UNIT("单位", "unit", "units"),
    COLUMN("栏目", "column", "columns"),
    ACTIVITY("报送与动态", "activity", "activity");

    private final String chinese;
    private final String english;
    private final String list;

    FigurePlace(String chinese, String english, String list) {
        this.chinese = chinese;
        this.english = english;
        this.list = list;
    }

    public String chineseName() {
        return chinese;
    }

    public String englishName() {
        return english;
    }

    /** The batch's list of things at this place, as a JSON path names it. */
    public String list() {
        return list;
    }

    /** The Chinese word, or the English one (any case); null for neither. */
    public static FigurePlace parse(String text) {
        String t = text.trim();
        for (FigurePlace p : values()) {
            if (p.chinese.equals(t) || p.english.equals(t.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }
}
