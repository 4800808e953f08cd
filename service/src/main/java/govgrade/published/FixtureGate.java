package govgrade.published;

import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.grading.Grading;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.catalog.PackFixtures;
import govgrade.packs.catalog.VersionGate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate a version passes before it may be active: it grades every batch of its pack's fixtures
 * ({@code fixtures/<pack>/*.json}, from the folder or as the store keeps them with the version),
 * or, for a pack without fixtures, a small built-in batch with a
 * subject in every channel. Only a failure to grade refuses (an exception, a bound hit): a version
 * that changes published figures is a change of criteria, which the draft's review shows and a
 * person decides on.
 */
public final class FixtureGate implements VersionGate {
    static final String BUILT_IN = "/gate/built-in-batch.json";
    private static final int MAX_MESSAGE = 300;

    private final Path fixtures;
    private final Budgets budgets;

    /**
     * {@code fixtures}: the folder of published circulars, one sub-folder per pack; {@code budgets}:
     * the bounds the candidate grades under, the same as a request's, so a looping version is refused
     * here rather than found out by the first client.
     */
    public FixtureGate(Path fixtures, Budgets budgets) {
        this.fixtures = fixtures;
        this.budgets = budgets;
    }

    public FixtureGate(Path fixtures) {
        this(fixtures, Budgets.DEFAULTS);
    }

    /** Grades the fixtures in this gate's folder. */
    @Override
    public List<PackError> check(CompiledPack candidate) {
        PackFixtures fixtures;
        try {
            fixtures = PackFixtures.read(this.fixtures.resolve(candidate.id()));
        } catch (IOException e) {
            return List.of(PackError.inFile("fixtures/" + candidate.id(), "the pack's fixtures cannot be read: "
                    + e.getMessage()));
        }
        return check(candidate, fixtures);
    }

    /** Grades {@code fixtures}, wherever they were read from (this instance's disk or the store). */
    @Override
    public List<PackError> check(CompiledPack candidate, PackFixtures fixtures) {
        List<PackError> errors = new ArrayList<>();
        List<String> batches = fixtures.files().keySet().stream()
                .filter(n -> n.endsWith(".json") && !n.endsWith(".expected.json")).sorted().toList();
        if (batches.isEmpty()) {
            try (InputStream in = FixtureGate.class.getResourceAsStream(BUILT_IN)) {
                grade(candidate, in, "the built-in test batch (the pack has no fixtures)", errors);
            } catch (IOException e) {
                throw new IllegalStateException("the built-in test batch is missing from the jar", e);
            }
        }
        for (String b : batches) {
            try (InputStream in = new ByteArrayInputStream(fixtures.files().get(b))) {
                grade(candidate, in, "fixtures/" + candidate.id() + "/" + b, errors);
            } catch (IOException e) {
                errors.add(PackError.inFile("fixtures/" + candidate.id() + "/" + b, "the fixture cannot be read: "
                        + e.getMessage()));
            }
        }
        return errors;
    }

    private void grade(CompiledPack candidate, InputStream in, String what, List<PackError> errors)
            throws IOException {
        Batch batch;
        try {
            Batch read = BatchReader.read(in, candidate.id());
            batch = new Batch(candidate.id(), read.period(), read.units(), read.accounts(), read.columns(),
                    read.activity(), read.earlier());
            candidate.figures().check(batch, candidate.id(), BatchLimits.DEFAULTS.errorsListed());
        } catch (BatchRejected e) {
            // A fixture that is no batch says nothing about the version: not its fault, not a pass either.
            errors.add(PackError.inFile(what, "the test batch is not a valid batch: " + clip(e.getMessage())));
            return;
        }
        try {
            Grading.grade(batch, candidate, "pack-gate", budgets);
        } catch (RuntimeException | StackOverflowError e) {
            errors.add(PackError.inFile(what, "version " + candidate.version() + " cannot grade this batch: "
                    + clip(describe(e))));
        }
    }

    /** What failed and where: Drools names the rule whose consequence threw; the cause says what. */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage().lines().findFirst().orElse(""));
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            sb.append("; caused by ").append(root.getClass().getSimpleName());
            if (root.getMessage() != null) {
                sb.append(": ").append(root.getMessage().lines().findFirst().orElse(""));
            }
        }
        return sb.toString();
    }

    private static String clip(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
