package govgrade.runs;

import govgrade.derive.PastPeriod;
import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.facts.Violation;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackUnavailable;
import govgrade.packs.UnknownPack;
import govgrade.packs.catalog.PackCatalog;
import govgrade.store.ResultRow;
import govgrade.store.RunSummary;
import govgrade.store.Runs;
import govgrade.store.StoredRun;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Grades a posted batch under its pack's active version and stores batch, run and results in one
 * transaction; the response body is stored as sent, so a run reads back byte for byte.
 */
public final class RunService {
    private final PackCatalog catalog;
    private final Runs runs;
    private final BatchLimits limits;
    private final Budgets budgets;
    private final GradingWatch watch;
    private final Admission admission = Admission.perCore();

    /**
     * {@code limits}: what a posted batch may hold; a batch over one is refused before it is graded.
     * {@code budgets}: the bounds every grading here runs under, and the what-ifs beside it.
     */
    public RunService(PackCatalog catalog, Runs runs, BatchLimits limits, Budgets budgets) {
        this(catalog, runs, limits, budgets, GradingWatch.NONE);
    }

    /** {@code watch}: told of each batch graded (metrics). */
    public RunService(PackCatalog catalog, Runs runs, BatchLimits limits, Budgets budgets, GradingWatch watch) {
        this.catalog = catalog;
        this.runs = runs;
        this.limits = limits;
        this.budgets = budgets;
        this.watch = watch;
    }

    public RunService(PackCatalog catalog, Runs runs, BatchLimits limits) {
        this(catalog, runs, limits, Budgets.DEFAULTS);
    }

    Budgets budgets() {
        return budgets;
    }

    /**
     * A graded and stored run. {@code json} is the run as stored: answering with these bytes,
     * not a second encoding, is what makes a later read-back equal to the first answer.
     */
    public record Graded(String runId, GradedRun run, byte[] json) {
    }

    public Graded grade(byte[] body, String packFromUrl)
            throws BatchRejected, UnknownPack, PackUnavailable, IOException, SQLException {
        // Reading, then grading and writing the answer, each take a turn. Waiting for the pack (it may be
        // compiling at start-up) and storing (mostly waiting for a commit) do not, so they hold no core's turn.
        Batch batch;
        try (Admission.Turn turn = admission.take()) {
            batch = read(body, packFromUrl);
        }
        CompiledPack pack = catalog.active(batch.pack());
        Done d;
        try (Admission.Turn turn = admission.take()) {
            d = gradeOnly(batch, pack);
        }
        Graded g = d.graded();
        runs.save(g.runId(), d.pack(), d.version(), d.from(), d.to(), body, g.json(), rows(g.run()));
        return g;
    }

    private Batch read(byte[] body, String packFromUrl) throws BatchRejected, IOException {
        Batch batch = BatchReader.read(body, packFromUrl, limits);
        if (packFromUrl != null && !packFromUrl.equals(batch.pack())) {
            throw new BatchRejected(List.of(new Violation("pack", "\"" + batch.pack() + "\"",
                    "\"" + packFromUrl + "\", the pack the URL names (or leave pack out of the body)")));
        }
        return batch;
    }

    /** A graded run and what it is stored under. */
    private record Done(Graded graded, String pack, String version, String from, String to) {
    }

    private Done gradeOnly(Batch batch, CompiledPack pack) throws BatchRejected, IOException, SQLException {
        // Read before the pack was known; what the pack declares is checked now, worded as reading's mistakes.
        pack.figures().check(batch, pack.id(), limits.errorsListed());
        String runId = RunIds.next();
        List<PastPeriod> earlier = earlier(batch, pack.id(), Long.MAX_VALUE);
        long start = System.nanoTime();
        GradedRun run = Grading.grade(batch, earlier, limits.earlierPeriods(), pack, runId, budgets);
        watch.graded(pack.id(), subjects(run), Duration.ofNanos(System.nanoTime() - start));
        return new Done(new Graded(runId, run, ResultJson.write(run)), pack.id(), pack.version(),
                batch.period().from().toString(), batch.period().to().toString());
    }

    /**
     * The earlier periods supplied for {@code batch} from the runs of {@code pack} stored before
     * the run numbered {@code before} (see {@link StoredPeriods}).
     */
    List<PastPeriod> earlier(Batch batch, String pack, long before) throws SQLException, IOException {
        return StoredPeriods.chain(runs, pack, batch, limits, before);
    }

    /** Where a stored run stands in the order runs were stored. */
    long order(String runId) throws UnknownRun, SQLException {
        return runs.order(runId).orElseThrow(() -> new UnknownRun(runId));
    }

    /** What a posted batch may hold. */
    public BatchLimits limits() {
        return limits;
    }

    /** A stored run with its batch and its result exactly as first answered. */
    public StoredRun find(String runId) throws UnknownRun, SQLException {
        return runs.find(runId).orElseThrow(() -> new UnknownRun(runId));
    }

    /** A stored run's result, read back. */
    public GradedRun read(String runId) throws UnknownRun, SQLException, IOException {
        return ResultJson.readRun(find(runId).result());
    }

    /** Reads the store once; throws what keeps it from answering (health). */
    public void storeAnswers() throws SQLException {
        runs.latestOrder();
    }

    /** A page of stored runs, newest first: see {@link Runs#list}. */
    public List<RunSummary> list(String pack, String version, String period, int limit, long before)
            throws SQLException {
        return runs.list(pack, version, period, limit, before);
    }

    /** The subjects graded: a subject graded in several channels counts once. */
    private static int subjects(GradedRun run) {
        record Subject(String type, String id) {
        }
        // A key per result, not a string built per result: this ran on every graded request.
        Set<Subject> seen = new HashSet<>(run.results().size() * 2);
        for (GradedRun.Result r : run.results()) {
            seen.add(new Subject(r.subject().type(), r.subject().id()));
        }
        return seen.size();
    }

    static List<ResultRow> rows(GradedRun run) {
        List<ResultRow> rows = new ArrayList<>(run.results().size());
        for (GradedRun.Result r : run.results()) {
            rows.add(new ResultRow(r.subject().type(), r.subject().id(), r.channel(), r.grade(), r.label(),
                    r.score() == null ? null : r.score().toPlainString(), r.rank(), codes(r.problems())));
        }
        return rows;
    }

    /** The problems' codes, comma-separated; most results have none or one, so mostly no joining at all. */
    private static String codes(List<GradedRun.ProblemOut> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        if (problems.size() == 1) {
            return problems.get(0).code();
        }
        StringBuilder b = new StringBuilder(problems.get(0).code());
        for (int i = 1; i < problems.size(); i++) {
            b.append(',').append(problems.get(i).code());
        }
        return b.toString();
    }
}
