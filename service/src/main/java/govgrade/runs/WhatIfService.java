package govgrade.runs;

import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackRejected;
import govgrade.packs.PackUnavailable;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.packs.catalog.PackCatalog;
import govgrade.store.ResultRow;
import govgrade.store.StoredRun;
import govgrade.store.WhatIfs;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * Regrades a stored run's batch under another pack version (a draft, the active one, any stored
 * one) and reports what changed. The answer is stored, so it can be fetched again.
 */
public final class WhatIfService {
    private final RunService runs;
    private final PackCatalog catalog;
    private final WhatIfs store;

    public WhatIfService(RunService runs, PackCatalog catalog, WhatIfs store) {
        this.runs = runs;
        this.catalog = catalog;
        this.store = store;
    }

    /** A stored what-if answer: the answer, and its JSON as stored and answered. */
    public record Answer(WhatIf whatIf, byte[] json) {
    }

    /** {@code pack} null: the run's own pack; {@code version} null: the pack's active version. */
    public Answer regrade(String runId, String pack, String version) throws UnknownRun, OtherPack, StoredBatchInvalid,
            UnknownPack, UnknownVersion, PackUnavailable, PackRejected, IOException, SQLException {
        Prepared p = prepare(runId, pack, version);
        store.save(p.id(), runId, p.pack(), p.version(), p.json());
        return new Answer(p.whatIf(), p.json());
    }

    /** A what-if answered but not stored: a job stores it with its item, in one transaction. */
    public record Prepared(String id, String pack, String version, WhatIf whatIf, byte[] json) {
    }

    /** As {@link #regrade}, storing nothing. */
    public Prepared prepare(String runId, String pack, String version) throws UnknownRun, OtherPack,
            StoredBatchInvalid, UnknownPack, UnknownVersion, PackUnavailable, PackRejected, IOException, SQLException {
        Regrading r = regrading(runId, pack, version, runId);
        String id = RunIds.next();
        WhatIf answer = WhatIf.between(id, r.before(), r.after());
        return new Prepared(id, r.against().id(), r.against().version(), answer, ResultJson.write(answer));
    }

    /**
     * A stored run's batch graded again under {@code version} (null: the active one) as a new run,
     * not stored: what a province-wide regrade stores, item by item. It reads the earlier periods
     * its old run read, so a regrade does not hang on the order the other runs are regraded in.
     */
    public record NewRun(String runId, String pack, String version, String periodFrom, String periodTo, byte[] batch,
                         GradedRun run, byte[] json, List<ResultRow> rows, WhatIf.Grades grades) {
    }

    public NewRun asNewRun(String runId, String version) throws UnknownRun, OtherPack, StoredBatchInvalid, UnknownPack,
            UnknownVersion, PackUnavailable, PackRejected, IOException, SQLException {
        String id = RunIds.next();
        Regrading r = regrading(runId, null, version, id);
        Batch.Period period = r.batch().period();
        return new NewRun(id, r.against().id(), r.against().version(), period.from().toString(),
                period.to().toString(), r.stored().batch(), r.after(), ResultJson.write(r.after()),
                RunService.rows(r.after()), new WhatIf.Grades(Diff.gradeCounts(r.before()), Diff.gradeCounts(r.after())));
    }

    private record Regrading(StoredRun stored, Batch batch, GradedRun before, GradedRun after, CompiledPack against) {
    }

    /** Grades run {@code runId}'s stored batch again under {@code version}, naming the result {@code gradedAs}. */
    private Regrading regrading(String runId, String pack, String version, String gradedAs) throws UnknownRun,
            OtherPack, StoredBatchInvalid, UnknownPack, UnknownVersion, PackUnavailable, PackRejected, IOException,
            SQLException {
        StoredRun stored = runs.find(runId);
        GradedRun before = ResultJson.readRun(stored.result());
        if (pack == null) {
            pack = stored.pack();
        } else if (!pack.equals(stored.pack())) {
            throw new OtherPack(runId, stored.pack(), pack);
        }
        Batch batch;
        try {
            // Under the service's batch limits, as when posted: a batch graded with raised limits regrades too.
            batch = BatchReader.read(stored.batch(), null, runs.limits());
        } catch (BatchRejected e) {
            // Stored batches were checked when graded; only a check added since, or a limit lowered, refuses one.
            throw new StoredBatchInvalid(runId, e);
        }
        CompiledPack against = version == null ? catalog.active(pack) : catalog.version(pack, version);
        try {
            // Another version may declare other figures: the stored batch must fit the one it is regraded with.
            against.figures().check(batch, against.id(), runs.limits().errorsListed());
        } catch (BatchRejected e) {
            throw new StoredBatchInvalid(runId, e);
        }
        // The earlier periods the run read: from the runs stored before it, as when it was graded.
        GradedRun after = Grading.grade(batch, runs.earlier(batch, stored.pack(), runs.order(runId)),
                runs.limits().earlierPeriods(), against, gradedAs, runs.budgets());
        return new Regrading(stored, batch, before, after, against);
    }

    /** A stored answer, its JSON exactly as first answered. */
    public Answer find(String id) throws UnknownWhatIf, SQLException, IOException {
        byte[] json = store.find(id).orElseThrow(() -> new UnknownWhatIf(id));
        return new Answer(ResultJson.read(json, WhatIf.class), json);
    }
}
