package govgrade.grading;

import govgrade.derive.DerivedBatch;
import govgrade.derive.Deriver;
import govgrade.facts.Batch;
import govgrade.packs.CompiledPack;
import java.util.List;

/**
 * Grades one validated batch under one compiled pack version: derive metrics, fire the rules,
 * rank, summarise. Knows nothing of where the batch came from or where the result goes.
 */
public final class Grading {
    private Grading() {
    }

    public static GradedRun grade(Batch batch, CompiledPack pack, String runId) {
        return grade(Deriver.derive(batch), batch.period(), pack, runId);
    }

    static GradedRun grade(DerivedBatch derived, Batch.Period period, CompiledPack pack, String runId) {
        Grader.Firing firing = Grader.fire(pack, derived);
        List<GradedRun.Result> results = ResultAssembler.assemble(firing, pack.criteria());
        List<GradedRun.Summary> summaries = Summaries.of(results, pack.criteria().summaryTotal());
        return new GradedRun(runId, new GradedRun.PackRef(pack.id(), pack.version()),
                new GradedRun.PeriodOut(period.from(), period.to(), period.effectiveCheckDate()), results, summaries);
    }
}
