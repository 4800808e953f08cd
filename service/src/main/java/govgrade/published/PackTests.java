package govgrade.published;

import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.grading.Grading;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.bounds.EvaluationFailed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A pack's tests: the published circulars in {@code fixtures/<pack>/} are its expected results.
 * Run against a candidate version, they tell which published figures the candidate would change,
 * the way staff's test tables do in the rule tools they may know.
 */
public final class PackTests {
    private PackTests() {
    }

    /** One fixture's outcome. */
    public record FixtureResult(String fixture, Reconciler.Report report) {
    }

    /** All fixtures' outcomes, and the totals a person reads first. */
    public record Outcome(String pack, String version, int fixtures, int figures, int reproduced, int knownDifferences,
                          List<Reconciler.Difference> changed, List<FixtureResult> details) {
        /** True when a published figure (not one the circular itself got wrong) would change. */
        public boolean changesPublishedFigures() {
            return !changed.isEmpty();
        }

        /** One line for people: what the tests say. */
        public String summary() {
            if (fixtures == 0) {
                return "no fixtures for pack " + pack + " (fixtures/" + pack + "/*.expected.json)";
            }
            return figures + " published figures in " + fixtures + " fixture(s): " + reproduced + " reproduced, "
                    + knownDifferences + " known differences, " + (changed.isEmpty() ? "none changed"
                    : changed.size() + " CHANGED by this version");
        }
    }

    /** {@link #run(CompiledPack, Path, Budgets)} under the default budgets (the CLI's test command). */
    public static Outcome run(CompiledPack candidate, Path fixturesRoot) throws IOException {
        return run(candidate, fixturesRoot, Budgets.DEFAULTS);
    }

    /**
     * Grades every {@code <name>.json} that has a {@code <name>.expected.json} beside it under
     * {@code candidate}, each within {@code budgets} as a request's grading is: a draft's tests run
     * its rules before anyone published it, so a rule that never stops fails them with
     * {@link EvaluationFailed} instead of holding the draft request.
     */
    public static Outcome run(CompiledPack candidate, Path fixturesRoot, Budgets budgets) throws IOException {
        Path dir = fixturesRoot.resolve(candidate.id());
        List<FixtureResult> details = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            List<Path> expected;
            try (Stream<Path> s = Files.list(dir)) {
                expected = s.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
            }
            for (Path e : expected) {
                Path batchFile = dir.resolve(e.getFileName().toString().replace(".expected.json", ".json"));
                if (Files.exists(batchFile)) {
                    details.add(new FixtureResult(dir.getFileName() + "/" + batchFile.getFileName(),
                            runOne(candidate, batchFile, e, budgets)));
                }
            }
        }
        int figures = 0;
        int same = 0;
        int known = 0;
        List<Reconciler.Difference> changed = new ArrayList<>();
        for (FixtureResult f : details) {
            figures += f.report().figures();
            same += f.report().reproduced();
            known += f.report().knownDifferences().size();
            changed.addAll(f.report().differences());
        }
        return new Outcome(candidate.id(), candidate.version(), details.size(), figures, same, known, changed, details);
    }

    private static Reconciler.Report runOne(CompiledPack candidate, Path batchFile, Path expectedFile,
                                            Budgets budgets) throws IOException {
        Batch batch;
        try (InputStream in = Files.newInputStream(batchFile)) {
            batch = BatchReader.read(in, candidate.id());
        } catch (BatchRejected e) {
            throw new IOException("fixture " + batchFile + " is not a valid batch: " + e.getMessage(), e);
        }
        PublishedFigures published;
        try (InputStream in = Files.newInputStream(expectedFile)) {
            published = PublishedFigures.readJson(in);
        }
        return Reconciler.compare(Grading.grade(batch, candidate, "pack-test", budgets), published);
    }
}
