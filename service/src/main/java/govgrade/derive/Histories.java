package govgrade.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every subject of a derived batch its {@link History}: chains the earlier periods supplied
 * back from the batch's period, each ending the day before the next nearer one starts. Of two
 * periods ending the same day, the one listed first wins (the caller lists the batch's own first).
 */
public final class Histories {
    private Histories() {
    }

    /** Attaches histories to {@code batch}'s subjects from {@code periods}, chaining at most {@code limit} back. */
    public static void attach(DerivedBatch batch, List<PastPeriod> periods, int limit) {
        History.Chain chain = chain(batch.period().getFrom(), periods, limit);
        for (Subject s : subjects(batch)) {
            History h = new History(chain, PastPeriod.key(s));
            if (s instanceof UnitActivity a) {
                a.attach(h);
            } else if (s instanceof NewMediaAccount a) {
                a.attach(h);
            } else if (s instanceof UnitColumns c) {
                c.attach(h);
            }
        }
    }

    /** The earlier periods rules read of {@code s} while grading it, for its result (not for rules). */
    public static List<History.Read> readsOf(Subject s) {
        return s.getHistory().reads();
    }

    /** The end dates the chain looks for, nearest first: what a supplier must find, one at a time. */
    public static LocalDate endOfPeriodBefore(LocalDate start) {
        return start.minusDays(1);
    }

    static History.Chain chain(LocalDate start, List<PastPeriod> periods, int limit) {
        Map<LocalDate, PastPeriod> byEnd = new HashMap<>();
        for (PastPeriod p : periods) {
            byEnd.putIfAbsent(p.to(), p);
        }
        List<PastPeriod> found = new ArrayList<>();
        LocalDate end = endOfPeriodBefore(start);
        while (found.size() < limit) {
            PastPeriod p = byEnd.get(end);
            if (p == null) {
                return new History.Chain(found, end);
            }
            found.add(p);
            end = endOfPeriodBefore(p.from());
        }
        return new History.Chain(found, null);
    }

    private static List<Subject> subjects(DerivedBatch b) {
        List<Subject> all = new ArrayList<>(b.accounts().size() + b.activity().size() + b.columns().size());
        all.addAll(b.accounts());
        all.addAll(b.activity());
        all.addAll(b.columns());
        return all;
    }
}
