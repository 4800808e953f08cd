package govgrade.published;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which published figures two versions grade otherwise, worked out from their two comparisons with
 * the circular ({@link Reconciler}), so that "changed" means exactly what "differs" means, one
 * version against the other: a figure absent from a comparison's differences is the published one.
 */
public final class FigureChanges {
    private FigureChanges() {
    }

    /** One published figure graded {@code before} under the version compared with and {@code after} now. */
    public record Change(String id, String name, String channel, String figure, Object published, Object before,
                         Object after) {
    }

    public static List<Change> between(Reconciler.Report before, Reconciler.Report after) {
        Map<String, Reconciler.Difference> was = byFigure(before);
        Map<String, Reconciler.Difference> is = byFigure(after);
        Map<String, Reconciler.Difference> any = new LinkedHashMap<>(is);
        was.forEach(any::putIfAbsent);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Reconciler.Difference> e : any.entrySet()) {
            Reconciler.Difference d = e.getValue();
            Object b = was.containsKey(e.getKey()) ? was.get(e.getKey()).graded() : d.published();
            Object a = is.containsKey(e.getKey()) ? is.get(e.getKey()).graded() : d.published();
            if (!Objects.equals(b, a)) {
                changes.add(new Change(d.id(), d.name(), d.channel(), d.figure(), d.published(), b, a));
            }
        }
        return changes;
    }

    private static Map<String, Reconciler.Difference> byFigure(Reconciler.Report r) {
        Map<String, Reconciler.Difference> m = new LinkedHashMap<>();
        for (List<Reconciler.Difference> list : List.of(r.differences(), r.knownDifferences())) {
            for (Reconciler.Difference d : list) {
                m.put(d.id() + "|" + d.name() + "|" + d.channel() + "|" + d.figure(), d);
            }
        }
        return m;
    }
}
