package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackCopy;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.packs.catalog.PackHome;
import govgrade.published.PackTests;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch fired in parts, where the pack allows it, grades to the same bytes as in one session. */
class PartitionedFiringTest {
    @TempDir
    Path home;

    @Test
    void everyFixtureGradesToTheSameBytesInTwoAndThreePartsAsInOne() throws Exception {
        for (Path expected : Fixtures.expectedFiles()) {
            Batch batch = read(PackTests.batchOf(expected));
            CompiledPack pack = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE).load(batch.pack());
            byte[] one = json(Grading.gradeInParts(batch, pack, "test", 1));
            for (int parts = 2; parts <= 3; parts++) {
                assertArrayEquals(one, json(Grading.gradeInParts(batch, pack, "test", parts)),
                        expected + " in " + parts + " parts");
            }
        }
    }

    @Test
    void onlyShangnanJoinsTwoFactsOfTheBatchSoOnlyItStaysInOneSession() throws Exception {
        Map<String, Boolean> sound = new TreeMap<>();
        for (String pack : Fixtures.PACKS) {
            sound.put(pack, Partitions.sound(new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE).load(pack).kieBase()));
        }
        Map<String, Boolean> expected = new TreeMap<>();
        for (String pack : Fixtures.PACKS) {
            expected.put(pack, !pack.equals("shangnan"));
        }
        assertEquals(expected, sound);
    }

    @Test
    void aRuleJoiningTwoAccountsKeepsThePackInOneSessionAndItsFindingsWhole() throws Exception {
        PackCopy.copy("shangqiu", home);
        Files.writeString(home.resolve("rules-drl/shangqiu/shangqiu.drl"), """

                rule "test: two accounts of one platform"
                when
                    $a : NewMediaAccount()
                    $b : NewMediaAccount( this != $a, platform == $a.platform )
                then
                    insert( Problem.of( drools, $a, "NO_UPDATE_2_WEEKS" ) );
                end
                """, StandardOpenOption.APPEND);
        CompiledPack pack = new PackHome(home, Fixtures.PACKS_CACHE).load("shangqiu");
        assertFalse(Partitions.sound(pack.kieBase()));
        Batch batch = read(Fixtures.batch("shangqiu"));
        byte[] one = json(Grading.gradeInParts(batch, pack, "test", 1));
        assertArrayEquals(one, json(Grading.gradeInParts(batch, pack, "test", 2)));
        assertTrue(new String(one, java.nio.charset.StandardCharsets.UTF_8).contains("test: two accounts"));
    }

    @Test
    void eachPartIsHeldToTheFiringLimitAndTheFirstPartsFailureIsTheOneReported() throws Exception {
        PackCopy.copy("shangqiu", home);
        Files.writeString(home.resolve("rules-drl/shangqiu/shangqiu.drl"), """

                rule "test: again and again"
                when
                    $p : Problem( code == "NO_UPDATE_2_WEEKS" )
                then
                    insert( Problem.of( drools, $p.getSubject(), "NO_UPDATE_2_WEEKS" ) );
                end
                """, StandardOpenOption.APPEND);
        CompiledPack pack = new PackHome(home, Fixtures.PACKS_CACHE).load("shangqiu");
        assertTrue(Partitions.sound(pack.kieBase()), "one subject's own problems: still read alone");
        Batch batch = read(Fixtures.batch("shangqiu"));
        EvaluationFailed e = assertThrows(EvaluationFailed.class, () -> Grading.gradeInParts(batch, pack, "test", 2));
        assertEquals(EvaluationFailed.Kind.FIRINGS, e.kind());
        assertTrue(e.getMessage().contains("test: again and again"), e.getMessage());
    }

    private static Batch read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return BatchReader.read(in, null);
        }
    }

    private static byte[] json(GradedRun run) throws Exception {
        return ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(run);
    }
}
