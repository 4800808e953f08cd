package govgrade.runs;

import govgrade.derive.DerivedBatch;
import govgrade.derive.Deriver;
import govgrade.derive.Histories;
import govgrade.derive.PastPeriod;
import govgrade.derive.Subject;
import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import govgrade.store.Runs;
import govgrade.store.StoredRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Earlier periods from the runs stored for a pack. One period back is the latest run stored of
 * the same pack whose period ends the day before this period starts; two back chains from that
 * one's start, and so on. A period the batch carries is used instead of a stored run ending the
 * same day, and the chain goes on from its start. Grades and problems are read from the stored
 * run's results, figures from its stored batch. The chain stops at the first day no period ends
 * on, at {@link BatchLimits#earlierPeriods}, and at a stored batch the current limits refuse.
 * {@code before} keeps to runs stored before a given one, so a what-if reads what its run read.
 */
final class StoredPeriods {
    private StoredPeriods() {
    }

    static List<PastPeriod> chain(Runs runs, String pack, Batch batch, BatchLimits limits, long before)
            throws SQLException, IOException {
        Map<LocalDate, LocalDate> carried = new HashMap<>();
        for (Batch.Earlier e : batch.earlier()) {
            carried.put(e.period().to(), e.period().from());
        }
        List<PastPeriod> out = new ArrayList<>();
        LocalDate start = batch.period().from();
        for (int n = 0; n < limits.earlierPeriods(); n++) {
            LocalDate end = Histories.endOfPeriodBefore(start);
            if (carried.containsKey(end)) {
                start = carried.get(end);
                continue;
            }
            Optional<StoredRun> run = runs.latestEnding(pack, end.toString(), before);
            PastPeriod p = run.isEmpty() ? null : period(run.get(), limits);
            if (p == null) {
                break;
            }
            out.add(p);
            start = p.from();
        }
        return out;
    }

    private static PastPeriod period(StoredRun run, BatchLimits limits) throws IOException {
        Batch batch;
        try {
            batch = BatchReader.read(run.batch(), null, limits);
        } catch (BatchRejected e) {
            return null; // graded under raised limits, or a check added since: unknown, not zero
        }
        Map<String, Map<String, BigDecimal>> figures = new HashMap<>();
        DerivedBatch derived = Deriver.derive(batch);
        List<Subject> subjects = new ArrayList<>(derived.accounts());
        subjects.addAll(derived.activity());
        subjects.addAll(derived.columns());
        for (Subject s : subjects) {
            figures.put(PastPeriod.key(s.getType(), s.getId(), s.getChannel().code()), PastPeriod.figures(s));
        }
        GradedRun graded = ResultJson.readRun(run.result());
        Map<String, PastPeriod.PastResult> results = new HashMap<>();
        for (GradedRun.Result r : graded.results()) {
            String key = PastPeriod.key(r.subject().type(), r.subject().id(), r.channel());
            Set<String> seen = new HashSet<>();
            List<String> codes = new ArrayList<>();
            for (GradedRun.ProblemOut p : r.problems()) {
                if (seen.add(p.code())) {
                    codes.add(p.code());
                }
            }
            results.put(key, new PastPeriod.PastResult(r.grade(), List.copyOf(codes),
                    Map.copyOf(figures.getOrDefault(key, Map.of()))));
        }
        return new PastPeriod(batch.period().from(), batch.period().to(), run.id(), results);
    }
}
