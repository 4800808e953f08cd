package govgrade.rules;

import govgrade.derive.Figure;
import govgrade.derive.Subject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figure names a 加权 or 比率 sheet may use: each built-in count by its code (posts,
 * submitted ...) or the Chinese a circular's annex prints for it (报送数 ...).
 *
 * <p>Pack-declared figures plug in here: {@link #isKnown} and {@link #value} are the one place a
 * name becomes a number, so a figure a pack declares is looked up beside the built-in ones.
 */
public final class ScoringFigures {
    private static final Map<String, Figure> NAMES = new LinkedHashMap<>();

    static {
        for (Figure f : Figure.values()) {
            if (f != Figure.LAST_UPDATE) {
                NAMES.put(code(f), f);
            }
        }
        NAMES.put("发布数", Figure.POSTS);
        NAMES.put("报送数", Figure.SUBMITTED);
        NAMES.put("采用数", Figure.ADOPTED);
        NAMES.put("采纳数", Figure.ADOPTED);
        NAMES.put("当月采用数", Figure.ADOPTED_IN_MONTH);
        NAMES.put("更新数", Figure.UPDATES);
        NAMES.put("应更新数", Figure.DUE);
        NAMES.put("原创数", Figure.ORIGINALS);
        NAMES.put("转发数", Figure.REPOSTS);
        NAMES.put("留言数", Figure.MESSAGES);
        NAMES.put("超时回复数", Figure.LATE_REPLIES);
    }

    private ScoringFigures() {
    }

    /** lateReplies for LATE_REPLIES: the name a rule reads it by. */
    static String code(Figure f) {
        String[] parts = f.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder s = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            s.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return s.toString();
    }

    /** True for a name a sheet may use. */
    public static boolean isKnown(String name) {
        return NAMES.containsKey(name);
    }

    /** The names a sheet may use, for a message: the codes, then the Chinese. */
    public static String accepted() {
        return String.join(", ", NAMES.keySet());
    }

    /** The subject's figure by name as a number; null where it has none. */
    static BigDecimal value(Subject s, String name) {
        Figure f = NAMES.get(name);
        Object v = f == null ? null : s.figure(f);
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Integer || v instanceof Long) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        return v instanceof Number n ? BigDecimal.valueOf(n.doubleValue()) : null;
    }
}
