package govgrade.grading;

import govgrade.derive.DerivedBatch;
import govgrade.derive.Deriver;
import govgrade.derive.PastPeriod;
import govgrade.facts.Batch;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.bounds.EvaluationFailed;
import java.util.List;

/**
 * Grades one validated batch under one compiled pack version: derive metrics, fire the rules,
 * rank, summarise. Knows nothing of where the batch came from or where the result goes.
 */
public final class Grading {
    private Grading() {
    }

    /** Under the default {@link Budgets} (the CLI, the benchmarks and tests). */
    public static GradedRun grade(Batch batch, CompiledPack pack, String runId) {
        return grade(batch, pack, runId, Budgets.DEFAULTS);
    }

    /**
     * The graded run, or {@link EvaluationFailed} when the rules threw or exceeded {@code budgets}
     * (too many firings, too long, out of memory): never a partial result.
     */
    public static GradedRun grade(Batch batch, CompiledPack pack, String runId, Budgets budgets) {
        return grade(Deriver.derive(batch), batch.period(), pack, runId, budgets);
    }

    /**
     * As {@link #grade(Batch, CompiledPack, String, Budgets)}, with earlier periods supplied beside
     * the batch's own (stored runs, result files): the batch's own win for the same period.
     */
    public static GradedRun grade(Batch batch, List<PastPeriod> supplied, int limit, CompiledPack pack, String runId,
                                  Budgets budgets) {
        return grade(Deriver.derive(batch, supplied, limit), batch.period(), pack, runId, budgets);
    }

    static GradedRun grade(DerivedBatch derived, Batch.Period period, CompiledPack pack, String runId,
                           Budgets budgets) {
        return assemble(Grader.fire(pack, derived, budgets), period, pack, runId);
    }

    /** Fired in {@code parts} sessions where the pack allows it, whatever the batch's size: for tests. */
    static GradedRun gradeInParts(Batch batch, CompiledPack pack, String runId, int parts) {
        return assemble(Grader.fire(pack, Deriver.derive(batch), Budgets.DEFAULTS, parts), batch.period(), pack, runId);
    }

    private static GradedRun assemble(Grader.Firing firing, Batch.Period period, CompiledPack pack, String runId) {
        List<GradedRun.Result> results = ResultAssembler.assemble(firing, pack.criteria());
        List<GradedRun.Summary> summaries = Summaries.of(results, pack.criteria().summaryTotal());
        return new GradedRun(runId, new GradedRun.PackRef(pack.id(), pack.version()),
                new GradedRun.PeriodOut(period.from(), period.to(), period.effectiveCheckDate()), results, summaries,
                pack.criteria().report().saysNothing() ? null : pack.criteria().report());
    }
}
