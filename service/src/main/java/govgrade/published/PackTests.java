package govgrade.published;

import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.packs.catalog.PackFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A pack's tests: the published circulars in {@code fixtures/<pack>/} are its expected results.
 * Two questions, kept apart: which published figures the tested version does not reproduce
 * ("differs from the published figure"), and, against another version (the active one), which
 * figures the tested version grades otherwise ("changed by this version"). A new pack that never
 * matched its circular differs from it; it changed nothing.
 */
public final class PackTests {
    private PackTests() {
    }

    /** One fixture's outcome; {@code changed} is empty without a version to compare with. */
    public record FixtureResult(String fixture, Reconciler.Report report, List<FigureChanges.Change> changed) {
    }

    /**
     * All fixtures' outcomes, and the totals a person reads first. {@code changed} lists the
     * published figures the tested version does not reproduce (the name the draft answer has
     * always given them); {@code against} is the version compared with, or null, and
     * {@code changedByVersion} what grades otherwise than under it.
     */
    public record Outcome(String pack, String version, int fixtures, int figures, int reproduced, int knownDifferences,
                          List<Reconciler.Difference> changed, List<FixtureResult> details, String against,
                          List<FigureChanges.Change> changedByVersion) {
        /** True when a published figure (not one the circular itself got wrong) is not reproduced. */
        public boolean changesPublishedFigures() {
            return !changed.isEmpty();
        }

        /** The published figures the tested version does not reproduce, known differences aside. */
        public List<Reconciler.Difference> differsFromPublished() {
            return changed;
        }

        /** True when the fixtures tested nothing: no fixture, or fixtures without a published figure. */
        public boolean testedNothing() {
            return figures == 0;
        }

        /** One line for people: what the tests say. */
        public String summary() {
            if (fixtures == 0) {
                return "no fixtures for pack " + pack + " (fixtures/" + pack + "/*.json with *.expected.json): "
                        + "nothing tested";
            }
            String s = figures + " published figures in " + fixtures + " fixture(s): " + reproduced + " reproduced, "
                    + knownDifferences + " known differences, " + (changed.isEmpty()
                    ? "none differs from the published figures"
                    : changed.size() + " DIFFER from the published figures");
            if (against == null) {
                return s;
            }
            return s + "; against version " + against + ": " + (changedByVersion.isEmpty() ? "none changed"
                    : changedByVersion.size() + " CHANGED by this version");
        }
    }

    /** {@link #run(CompiledPack, Path, Budgets)} under the default budgets (the CLI's test command). */
    public static Outcome run(CompiledPack candidate, Path fixturesRoot) throws IOException {
        return run(candidate, fixturesRoot, Budgets.DEFAULTS, null);
    }

    /** The tests of {@code candidate} alone: what differs from the published figures. */
    public static Outcome run(CompiledPack candidate, Path fixturesRoot, Budgets budgets) throws IOException {
        return run(candidate, fixturesRoot, budgets, null);
    }

    /**
     * Grades every {@code <name>.json} that has a {@code <name>.expected.json} beside it under
     * {@code candidate}, each within {@code budgets} as a request's grading is: a draft's tests run
     * its rules before anyone published it, so a rule that never stops fails them with
     * {@link EvaluationFailed} instead of holding the draft request. With {@code baseline} (the
     * active version; null or the candidate itself: none), each batch is graded under it as well
     * and the published figures the two grade otherwise are listed.
     */
    public static Outcome run(CompiledPack candidate, Path fixturesRoot, Budgets budgets, CompiledPack baseline)
            throws IOException {
        return run(candidate, PackFixtures.read(fixturesRoot.resolve(candidate.id())), budgets, baseline);
    }

    /**
     * As {@link #run(CompiledPack, Path, Budgets, CompiledPack)}, over a pack's fixture files
     * however they were read: from a folder, or as the store keeps them with a version (an
     * instance whose disk has none reviews a draft against the same circulars).
     */
    public static Outcome run(CompiledPack candidate, PackFixtures fixtures, Budgets budgets, CompiledPack baseline)
            throws IOException {
        CompiledPack against = baseline == null || baseline.version().equals(candidate.version()) ? null : baseline;
        List<FixtureResult> details = new ArrayList<>();
        for (var e : fixtures.files().entrySet()) {
            String name = e.getKey();
            if (!name.endsWith(".expected.json")) {
                continue;
            }
            String batchName = name.substring(0, name.length() - ".expected.json".length()) + ".json";
            byte[] batch = fixtures.files().get(batchName);
            if (batch != null) {
                details.add(runOne(candidate, against, candidate.id() + "/" + batchName, batch, e.getValue(), budgets));
            }
        }
        int figures = 0;
        int same = 0;
        int known = 0;
        List<Reconciler.Difference> differ = new ArrayList<>();
        List<FigureChanges.Change> changed = new ArrayList<>();
        for (FixtureResult f : details) {
            figures += f.report().figures();
            same += f.report().reproduced();
            known += f.report().knownDifferences().size();
            differ.addAll(f.report().differences());
            changed.addAll(f.changed());
        }
        return new Outcome(candidate.id(), candidate.version(), details.size(), figures, same, known, differ, details,
                against == null ? null : against.version(), changed);
    }

    /** The circulars' files of a pack's fixture folder ({@code *.expected.json}), sorted; none without the folder. */
    public static List<Path> expectedFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
        }
    }

    /** The batch a circular's file is the published result of: {@code x.json} beside {@code x.expected.json}. */
    public static Path batchOf(Path expectedFile) {
        return expectedFile.resolveSibling(expectedFile.getFileName().toString().replace(".expected.json", ".json"));
    }

    /** One fixture: {@code batchFile} graded under {@code candidate} and compared with {@code expectedFile}. */
    public static Reconciler.Report test(CompiledPack candidate, Path batchFile, Path expectedFile, Budgets budgets)
            throws IOException {
        return Reconciler.compare(grade(candidate, read(candidate, batchFile), budgets), published(expectedFile));
    }

    private static FixtureResult runOne(CompiledPack candidate, CompiledPack against, String name, byte[] batchBytes,
                                        byte[] expectedBytes, Budgets budgets) throws IOException {
        Batch batch;
        try (InputStream in = new ByteArrayInputStream(batchBytes)) {
            batch = read(candidate, in, "fixtures/" + name);
        }
        PublishedFigures published;
        try (InputStream in = new ByteArrayInputStream(expectedBytes)) {
            published = PublishedFigures.readJson(in);
        }
        Reconciler.Report report = Reconciler.compare(grade(candidate, batch, budgets), published);
        List<FigureChanges.Change> changed = against == null ? List.of()
                : FigureChanges.between(Reconciler.compare(grade(against, batch, budgets), published), report);
        return new FixtureResult(name, report, changed);
    }

    private static GradedRun grade(CompiledPack pack, Batch batch, Budgets budgets) {
        return Grading.grade(batch, pack, "pack-test", budgets);
    }

    private static Batch read(CompiledPack candidate, Path batchFile) throws IOException {
        try (InputStream in = Files.newInputStream(batchFile)) {
            return read(candidate, in, batchFile.toString());
        }
    }

    private static Batch read(CompiledPack candidate, InputStream in, String what) throws IOException {
        try {
            Batch batch = BatchReader.read(in, candidate.id());
            candidate.figures().check(batch, candidate.id(), BatchLimits.DEFAULTS.errorsListed());
            return batch;
        } catch (BatchRejected e) {
            throw new IOException("fixture " + what + " is not a valid batch: " + e.getMessage(), e);
        }
    }

    private static PublishedFigures published(Path expectedFile) throws IOException {
        try (InputStream in = Files.newInputStream(expectedFile)) {
            return PublishedFigures.readJson(in);
        }
    }
}
