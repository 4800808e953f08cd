package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.packs.CompiledPack;
import govgrade.packs.catalog.PackHome;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Gradings run one after another on pooled worker threads: nothing of one reaches the next.
 * Batch A, then B under another pack, then A again grades to the bytes A graded to first.
 */
class RepeatedGradingTest {
    @Test
    void gradingAThenBThenAAgainGivesAsBytesTheFirstA() throws Exception {
        CompiledPack packA = pack("shangqiu");
        CompiledPack packB = pack("meixian");
        Batch a = batch("shangqiu");
        Batch b = batch("meixian");
        byte[] first = ResultJson.write(Grading.grade(a, packA, "run"));
        byte[] other = ResultJson.write(Grading.grade(b, packB, "run"));
        byte[] otherAgain = null;
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(first, ResultJson.write(Grading.grade(a, packA, "run")), "A graded again, time " + i);
            otherAgain = ResultJson.write(Grading.grade(b, packB, "run"));
            assertArrayEquals(other, otherAgain, "B graded again, time " + i);
        }
        assertFalse(Arrays.equals(first, otherAgain));
    }

    private static CompiledPack pack(String id) throws Exception {
        return new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE).load(id);
    }

    private static Batch batch(String pack) throws Exception {
        return BatchReader.read(Files.readAllBytes(Fixtures.batch(pack)), null, BatchLimits.DEFAULTS);
    }
}
