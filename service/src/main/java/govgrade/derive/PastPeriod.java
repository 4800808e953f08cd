package govgrade.derive;

import govgrade.facts.Batch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An earlier period as grading is given it: carried by the batch ({@code run} null) or read from a
 * run the service stored ({@code run} its id), with its subjects' results keyed as results are.
 */
public record PastPeriod(LocalDate from, LocalDate to, String run, Map<String, PastResult> results) {

    /** One subject's grade code (null if none), problem codes and figures by name, in that period. */
    public record PastResult(String grade, List<String> problems, Map<String, BigDecimal> figures) {
    }

    /** The key of a subject in {@link #results}: type, id and channel, as a result names them. */
    public static String key(String type, String id, String channel) {
        return type + "\u0000" + id + "\u0000" + channel;
    }

    static String key(Subject s) {
        return key(s.getType(), s.getId(), s.getChannel().code());
    }

    /** A period the batch carries. */
    public static PastPeriod of(Batch.Earlier e) {
        Map<String, PastResult> results = new HashMap<>();
        for (Batch.EarlierResult r : e.results()) {
            results.put(key(r.type(), r.id(), r.channel().code()),
                    new PastResult(r.grade(), List.copyOf(r.problems()), Map.copyOf(r.figures())));
        }
        return new PastPeriod(e.period().from(), e.period().to(), null, results);
    }

    /** A figure's name as batches, results and rules write it: POSTS is posts, ADOPTED_IN_MONTH adoptedInMonth. */
    public static String name(Figure f) {
        String[] words = f.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return sb.toString();
    }

    /** The figures of a derived subject that are numbers, by name: what a stored run's batch gave it. */
    public static Map<String, BigDecimal> figures(Subject s) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Figure f : Figure.values()) {
            if (s.figure(f) instanceof Number n) {
                out.put(name(f), n instanceof BigDecimal b ? b : n instanceof Double || n instanceof Float
                        ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue()));
            }
        }
        return out;
    }
}
