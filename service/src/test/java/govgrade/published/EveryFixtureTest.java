package govgrade.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.catalog.PackHome;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture batch of every pack on disk, graded and compared with its circular by the product's
 * own comparison (the one {@code test} and a draft's review use), so a pack added with its fixtures
 * is held to its published figures without a line of test code.
 */
class EveryFixtureTest {
    private static final PackHome PACKS = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE);

    static List<Path> fixtures() {
        return Fixtures.expectedFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reproducesEveryPublishedFigureButTheRowsTheCircularMarksKnown(Path expectedFile) throws Exception {
        String pack = expectedFile.getParent().getFileName().toString();
        CompiledPack compiled = PACKS.load(pack);
        Reconciler.Report report = PackTests.test(compiled, PackTests.batchOf(expectedFile), expectedFile,
                Budgets.DEFAULTS);
        assertTrue(report.figures() > 0, expectedFile + " publishes no figure");
        assertEquals(List.of(), report.differences().stream().map(EveryFixtureTest::describe).toList(),
                expectedFile + ": published figures this pack does not reproduce");
        // A row marked known must still differ: a mark that no longer holds would hide the next regression.
        Set<String> differing = report.knownDifferences().stream().map(d -> d.id() + "|" + d.channel())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(knownRows(expectedFile), differing, expectedFile + ": rows marked known that the pack grades "
                + "as published, or known rows that do not differ");
    }

    @Test
    void theFiveBundledCircularsReproduce214Of218FiguresWithTheirFourKnownDifferences() throws Exception {
        int figures = 0;
        int reproduced = 0;
        int known = 0;
        for (String pack : Fixtures.BUNDLED_FIVE) {
            PackTests.Outcome o = PackTests.run(PACKS.load(pack), Fixtures.HOME.resolve("fixtures"));
            assertFalse(o.changesPublishedFigures(), o.summary());
            figures += o.figures();
            reproduced += o.reproduced();
            known += o.knownDifferences();
        }
        assertEquals(218, figures);
        assertEquals(214, reproduced);
        assertEquals(4, known);
    }

    @Test
    void everyFixtureFolderIsAPackOnDiskSoNoneIsSkippedForATypo() {
        List<String> folders = Fixtures.folders("fixtures");
        assertFalse(folders.isEmpty());
        for (String f : folders) {
            assertTrue(Fixtures.PACKS.contains(f), "fixtures/" + f + " names no pack under rules-drl/ or "
                    + "decision-tables/: " + Fixtures.PACKS);
        }
        assertTrue(Fixtures.PACKS.containsAll(Fixtures.BUNDLED_FIVE), Fixtures.PACKS.toString());
    }

    private static Set<String> knownRows(Path expectedFile) throws Exception {
        PublishedFigures published;
        try (InputStream in = Files.newInputStream(expectedFile)) {
            published = PublishedFigures.readJson(in);
        }
        return published.results().stream().filter(r -> r.known() != null).map(r -> r.id() + "|" + r.channel())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(Reconciler.Difference d) {
        return d.id() + " " + d.name() + " [" + d.channel() + "] " + d.figure() + ": published " + d.published()
                + ", graded " + d.graded();
    }
}
