package govgrade.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.Platform;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.packs.catalog.PackHome;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("bench")
class BatchGeneratorTest {

    private static Batch read(byte[] json) throws Exception {
        return BatchReader.read(new ByteArrayInputStream(json), null);
    }

    @Test
    void theSameSeedGivesTheSameBytes() throws Exception {
        byte[] a = Bench.generate(new BatchGenerator.Spec(200, 42));
        byte[] b = Bench.generate(new BatchGenerator.Spec(200, 42));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, Bench.generate(new BatchGenerator.Spec(200, 43))));
    }

    @Test
    void aGeneratedBatchValidatesWithTheRequestedNumberOfAccounts() throws Exception {
        Batch batch = read(Bench.generate(new BatchGenerator.Spec(600, 7)));
        assertEquals("shangqiu", batch.pack());
        assertEquals(600, batch.accounts().size());
        assertEquals(200, batch.units().size());
        assertEquals(60, batch.units().stream().map(Batch.Unit::region).distinct().count());
        Set<Platform> platforms = batch.accounts().stream().map(Batch.Account::platform)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Platform.class)));
        assertEquals(EnumSet.allOf(Platform.class), platforms, "accounts on every platform");
        long posts = batch.accounts().stream().mapToLong(a -> a.posts().size()).sum();
        assertTrue(posts > 600 * 25 && posts < 600 * 35, "about 30 posts per account: " + posts);
        assertTrue(batch.accounts().stream().anyMatch(a -> !a.messages().isEmpty()), "some messages");
        assertTrue(batch.accounts().stream().anyMatch(a -> a.posts().stream().anyMatch(Batch.Post::isRecommended)));
    }

    @Test
    void aboutOneAccountInEightIsStaleAndFailsUnderShangqiu() throws Exception {
        Batch batch = read(Bench.generate(new BatchGenerator.Spec(1000, 3)));
        GradedRun run = Grading.grade(batch, new PackHome(Path.of(".")).load("shangqiu"), "test");
        assertEquals(1000, run.results().size());
        long failed = run.results().stream().filter(r -> "FAIL".equals(r.grade())).count();
        assertTrue(failed >= 80 && failed <= 170, "10-15% stale accounts fail: " + failed);
        assertTrue(run.results().stream().allMatch(r -> r.grade() != null));
    }

    @Test
    void theNamedSizesAreTheIssues() {
        assertEquals(150, BatchGenerator.Size.COUNTY.accounts());
        assertEquals(15_000, BatchGenerator.Size.PROVINCE.accounts());
        assertEquals(150_000, BatchGenerator.Size.NATIONAL.accounts());
    }
}
