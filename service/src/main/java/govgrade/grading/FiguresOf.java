package govgrade.grading;

import govgrade.derive.Figure;
import govgrade.derive.Subject;
import govgrade.grading.GradedRun.Figures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a subject was graded on: those of its figures the rules read, copied from the
 * derived subject. Taken from the subject and not from the rules' explanations, so rewording
 * an explanation (a {@code .with("posts", ...)} key) changes no figure and no report column.
 */
final class FiguresOf {
    private FiguresOf() {
    }

    static Figures of(Subject s) {
        return new Figures(integer(s, Figure.POSTS), integer(s, Figure.SUBMITTED),
                integer(s, Figure.ADOPTED_IN_MONTH), integer(s, Figure.ADOPTED), integer(s, Figure.UPDATES),
                decimal(s, Figure.DUE, 4), integer(s, Figure.ORIGINALS), integer(s, Figure.REPOSTS),
                integer(s, Figure.RECOMMENDED_REPOSTS), integer(s, Figure.MESSAGES),
                integer(s, Figure.LATE_REPLIES), decimal(s, Figure.LONGEST_REPLY_HOURS, 1),
                s.wasRead(Figure.LAST_UPDATE) ? (LocalDate) s.figure(Figure.LAST_UPDATE) : null,
                integer(s, Figure.DAYS_SINCE_LAST_UPDATE), declared(s));
    }

    /** The declared figures rules read that the subject has, as the built-in ones: an absent one is left out. */
    private static Map<String, Object> declared(Subject s) {
        Map<String, Object> read = s.declaredRead();
        if (read.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        read.forEach((name, value) -> {
            if (value != null) {
                out.put(name, value);
            }
        });
        return out.isEmpty() ? null : out;
    }

    private static Integer integer(Subject s, Figure f) {
        return s.wasRead(f) && s.figure(f) instanceof Number n ? n.intValue() : null;
    }

    /**
     * A decimal to {@code scale} places: due updates are prorated to four (as derived), hours to
     * a tenth (as circulars print a wait), so a stored run does not carry float noise.
     */
    private static BigDecimal decimal(Subject s, Figure f, int scale) {
        if (!s.wasRead(f) || !(s.figure(f) instanceof Number n)) {
            return null;
        }
        BigDecimal d = n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue());
        BigDecimal t = d.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return t.scale() < 0 ? t.setScale(0) : t; // 20, not 2E+1
    }
}
