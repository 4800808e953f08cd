package govgrade.facts;

import java.util.Locale;

/** What a declared figure holds, and so how a batch writes it and which accessor a rule reads it by. */
public enum FigureType {
    /** A whole number >= 0, read by {@code count(name)}. */
    COUNT("计数", "count", "count"),
    /** A decimal, read by {@code number(name)}. */
    NUMBER("数值", "number", "number"),
    /** YYYY-MM-DD, read by {@code date(name)}. */
    DATE("日期", "date", "date"),
    /** A string, read by {@code text(name)}. */
    TEXT("文本", "text", "text"),
    /** true or false, read by {@code yes(name)}. */
    YES_NO("是否", "yes/no", "yes");

    private final String chinese;
    private final String english;
    private final String accessor;

    FigureType(String chinese, String english, String accessor) {
        this.chinese = chinese;
        this.english = english;
        this.accessor = accessor;
    }

    public String chineseName() {
        return chinese;
    }

    public String englishName() {
        return english;
    }

    /** The method of a subject a rule reads a figure of this type by. */
    public String accessor() {
        return accessor;
    }

    /** The Chinese word, or the English one (any case; yes/no also as yesno or boolean); null for neither. */
    public static FigureType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (FigureType f : values()) {
            if (f.chinese.equals(t) || f.english.equals(t)) {
                return f;
            }
        }
        return t.equals("yesno") || t.equals("boolean") ? YES_NO : null;
    }

    /** The type a rule's accessor reads, or null for a name that is no accessor. */
    public static FigureType ofAccessor(String method) {
        for (FigureType f : values()) {
            if (f.accessor.equals(method)) {
                return f;
            }
        }
        return null;
    }
}
