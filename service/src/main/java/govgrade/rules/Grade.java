package govgrade.rules;

import java.util.Locale;

/** The grades a circular gives, with the words most circulars print for them. */
public enum Grade {
    EXCELLENT("优秀"),
    GOOD("良好"),
    PASS("合格"),
    FAIL("不合格"),
    POOR("差");

    private final String defaultLabel;

    Grade(String defaultLabel) {
        this.defaultLabel = defaultLabel;
    }

    public String defaultLabel() {
        return defaultLabel;
    }

    /** FAIL and POOR count as failed in a summary's pass rate. */
    public boolean failing() {
        return this == FAIL || this == POOR;
    }

    /** Accepts a code ({@code FAIL}) or a default Chinese label ({@code 不合格}); null if neither. */
    public static Grade lookup(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (Grade g : values()) {
            if (g.name().equals(t.toUpperCase(Locale.ROOT)) || g.defaultLabel.equals(t)) {
                return g;
            }
        }
        return null;
    }
}
