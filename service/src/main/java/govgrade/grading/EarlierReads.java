package govgrade.grading;

import govgrade.derive.Histories;
import govgrade.derive.History;
import govgrade.derive.Subject;
import govgrade.grading.GradedRun.EarlierRead;
import java.util.ArrayList;
import java.util.List;

/**
 * The earlier periods the rules read of a subject, for its result: taken from the subject's
 * history after the firing, as figures are, so no rule has to record where it looked.
 */
final class EarlierReads {
    private EarlierReads() {
    }

    static List<EarlierRead> of(Subject s) {
        List<History.Read> reads = Histories.readsOf(s);
        if (reads.isEmpty()) {
            return null;
        }
        List<EarlierRead> out = new ArrayList<>(reads.size());
        for (History.Read r : reads) {
            if (r.missing() != null) {
                out.add(new EarlierRead(r.back(), r.period() == null ? null : r.period().from(), r.missingTo(), null,
                        r.period() == null ? null : r.period().run(), r.missing()));
            } else {
                out.add(new EarlierRead(r.back(), r.period().from(), r.period().to(),
                        r.period().run() == null ? "batch" : "run", r.period().run(), null));
            }
        }
        return List.copyOf(out);
    }
}
