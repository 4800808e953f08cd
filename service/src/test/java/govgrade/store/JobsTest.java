package govgrade.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claiming job items as two instances over one store do it (two Database objects over one SQLite
 * file or one PostgreSQL database): never one item twice, an expired lease claimed again, a late
 * result from a worker that lost its lease refused. Clocks are given, not waited for.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
class JobsTest {
    private static final long LEASE = 1000;
    private static final long T0 = 1_000_000_000_000L;

    @Parameter
    String store;

    @TempDir
    Path dir;
    private Database one;
    private Database two;

    @BeforeEach
    void open() throws SQLException {
        if (store.equals(Stores.SQLITE)) {
            one = Database.open(dir.resolve("govgrade.db"));
            two = Database.open(dir.resolve("govgrade.db"));
        } else {
            String url = TestPostgres.newDatabase();
            one = Database.open(url, nanos -> { });
            two = Database.open(url, nanos -> { });
        }
        new PackVersions(one).store("meixian", "v1", new TreeMap<>(Map.of("rules-drl/meixian/x.drl",
                "v1".getBytes(StandardCharsets.UTF_8))), "disk", "test");
    }

    @AfterEach
    void close() throws SQLException {
        two.close();
        one.close();
    }

    /** {@code n} runs of meixian, the k-th over the month 2024-(k % 12 + 1). */
    private void runs(int n) throws SQLException {
        Runs runs = new Runs(one);
        for (int k = 0; k < n; k++) {
            String month = String.format("2024-%02d", k % 12 + 1);
            runs.save("run-" + k, "meixian", "v1", month + "-01", month + "-28",
                    ("{\"n\":" + k + "}").getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                    List.of());
        }
    }

    private static Jobs.RunsOf all() {
        return new Jobs.RunsOf("meixian", null, null, null);
    }

    private int count(String sql) throws SQLException {
        return one.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    @Test
    void twoClaimersNeverGetTheSameItem() throws Exception {
        runs(60);
        assertEquals(60, new Jobs(one).create("job-1", "whatif", null, "v1", "{}", null, all()));
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Jobs jobs = new Jobs(w % 2 == 0 ? one : two);
            String instance = "i" + w;
            done.add(pool.submit(() -> {
                go.await();
                List<Jobs.Claim> got;
                while (!(got = jobs.claim(instance, 3, T0, LEASE)).isEmpty()) {
                    for (Jobs.Claim c : got) {
                        claimed.add(c.runId());
                        assertTrue(jobs.doneWhatIf(c, instance, T0, "w-" + c.runId(), "meixian",
                                "{}".getBytes(StandardCharsets.UTF_8), "{}"));
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(60, claimed.size(), "each item claimed once: " + claimed);
        assertEquals(60, new HashSet<>(claimed).size());
        assertEquals(60, count("SELECT count(*) FROM whatifs"));
        assertEquals("finished", new JobRows(two).find("job-1").orElseThrow().state());
    }

    @Test
    void withGzipChosenAJobStoresItsAnswersAndRunsInGzip() throws Exception {
        runs(2);
        Jobs jobs = new Jobs(one, StoreCodec.GZIP);
        assertEquals(2, jobs.create("job-g", "whatif", null, "v1", "{}", null, all()));
        List<Jobs.Claim> got = jobs.claim("i", 2, T0, LEASE);
        byte[] answer = "{\"changes\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] batch = "{\"n\":\"new\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(jobs.doneWhatIf(got.get(0), "i", T0, "w-g", "meixian", answer, "{}"));
        assertTrue(jobs.doneRun(got.get(1), "i", T0, "r-g", "meixian", "2024-01-01", "2024-01-28", batch, answer,
                List.of(), "{}"));
        assertArrayEquals(answer, Gzip.unpack(bytes("SELECT result FROM whatifs WHERE id = 'w-g'")));
        assertArrayEquals(answer, Gzip.unpack(bytes("SELECT result FROM runs WHERE id = 'r-g'")));
        assertArrayEquals(batch, Gzip.unpack(bytes("SELECT b.body FROM batches b JOIN runs r ON r.batch_id = b.id "
                + "WHERE r.id = 'r-g'")));
    }

    private byte[] bytes(String sql) throws SQLException {
        return one.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        });
    }

    @Test
    void anExpiredLeaseIsClaimedAgainAndTheLateWorkerStoresNothing() throws Exception {
        runs(1);
        Jobs a = new Jobs(one);
        Jobs b = new Jobs(two);
        a.create("job-1", "whatif", null, "v1", "{}", null, all());
        Jobs.Claim first = a.claim("a", 5, T0, LEASE).get(0);
        assertFalse(b.claimable(T0 + LEASE / 2), "nothing to claim while the lease holds");
        assertTrue(b.claim("b", 5, T0 + LEASE / 2, LEASE).isEmpty(), "a live lease is not claimed again");
        assertTrue(a.renew(first, "a", T0 + LEASE / 2, LEASE), "renewed while held");
        assertTrue(b.claim("b", 5, T0 + LEASE, LEASE).isEmpty(), "the renewed lease holds past the first");
        assertTrue(b.claimable(T0 + 2 * LEASE), "an expired lease is there to claim");
        Jobs.Claim second = b.claim("b", 5, T0 + 2 * LEASE, LEASE).get(0);
        assertEquals(first.seq(), second.seq());
        assertEquals(2, second.attempt());
        assertFalse(a.renew(first, "a", T0 + 2 * LEASE, LEASE), "a lost lease is not renewed");
        assertFalse(a.doneWhatIf(first, "a", T0 + 2 * LEASE, "late", "meixian", "{}".getBytes(StandardCharsets.UTF_8),
                "{}"), "a late done is refused");
        assertEquals(0, count("SELECT count(*) FROM whatifs"), "and stores no what-if");
        assertTrue(b.doneWhatIf(second, "b", T0 + 2 * LEASE, "w-b", "meixian", "{}".getBytes(StandardCharsets.UTF_8),
                "{}"));
        List<JobRows.Item> items = new JobRows(one).items("job-1");
        assertEquals("done", items.get(0).state());
        assertEquals("b", items.get(0).doneBy());
        assertEquals("w-b", items.get(0).resultId());
        assertEquals(1, count("SELECT count(*) FROM whatifs WHERE id = 'w-b'"));
        assertEquals("finished", new JobRows(one).find("job-1").orElseThrow().state());
    }

    @Test
    void aDoneAfterTheLeaseRanOutIsRefusedEvenUnclaimed() throws Exception {
        runs(1);
        Jobs a = new Jobs(one);
        a.create("job-1", "whatif", null, "v1", "{}", null, all());
        Jobs.Claim c = a.claim("a", 1, T0, LEASE).get(0);
        assertFalse(a.doneWhatIf(c, "a", T0 + LEASE + 1, "late", "meixian", "{}".getBytes(StandardCharsets.UTF_8),
                "{}"));
        assertEquals(0, count("SELECT count(*) FROM whatifs"));
    }

    @Test
    void anItemWhoseLeaseRunsOutThreeTimesFailsForGood() throws Exception {
        runs(1);
        Jobs a = new Jobs(one);
        a.create("job-1", "whatif", null, "v1", "{}", null, all());
        long now = T0;
        for (int attempt = 1; attempt <= Jobs.MAX_ATTEMPTS; attempt++) {
            assertEquals(attempt, a.claim("a", 1, now, LEASE).get(0).attempt());
            now += 2 * LEASE;
        }
        assertTrue(a.claim("a", 1, now, LEASE).isEmpty());
        JobRows.Item item = new JobRows(one).items("job-1").get(0);
        assertEquals("failed", item.state());
        assertEquals("lease_expired", item.errorCode());
        assertEquals("finished", new JobRows(one).find("job-1").orElseThrow().state());
    }

    @Test
    void aFailureThatMayPassGivesTheItemBackAndABadBatchFailsAtOnce() throws Exception {
        runs(2);
        Jobs a = new Jobs(one);
        a.create("job-1", "whatif", null, "v1", "{}", null, all());
        List<Jobs.Claim> got = a.claim("a", 2, T0, LEASE);
        assertTrue(a.fail(got.get(0), "a", T0, "grading_timeout", "out of time", false));
        assertTrue(a.fail(got.get(1), "a", T0, "stored_batch_invalid", "no longer valid", true));
        List<JobRows.Item> items = new JobRows(one).items("job-1");
        assertEquals("pending", items.get(0).state());
        assertEquals("failed", items.get(1).state());
        assertEquals("stored_batch_invalid", items.get(1).errorCode());
        Jobs.Claim again = a.claim("b", 5, T0, LEASE).get(0);
        assertEquals(got.get(0).seq(), again.seq());
        assertEquals(2, again.attempt());
    }

    @Test
    void aJobTakesTheRunsOfItsPeriodAndOneOfNoneIsFinishedAtOnce() throws Exception {
        runs(24);
        Jobs a = new Jobs(one);
        assertEquals(2, a.create("march", "whatif", null, "v1", "{}", null,
                new Jobs.RunsOf("meixian", "2024-03-01", "2024-03-31", null)));
        assertEquals(2, a.create("day", "regrade", null, "v1", "{}", null,
                new Jobs.RunsOf("meixian", null, null, "2024-05-15")));
        assertEquals(6, a.create("quarter", "whatif", null, "v1", "{}", null,
                new Jobs.RunsOf("meixian", "2024-01-01", "2024-03-31", null)));
        assertEquals(0, a.create("none", "whatif", null, "v1", "{}", null,
                new Jobs.RunsOf("meixian", "2025-01-01", "2025-12-31", null)));
        JobRows rows = new JobRows(one);
        assertEquals("finished", rows.find("none").orElseThrow().state());
        assertEquals("running", rows.find("march").orElseThrow().state());
        Set<String> march = new HashSet<>();
        rows.items("march").forEach(i -> march.add(i.runId()));
        assertEquals(Set.of("run-2", "run-14"), march);
        assertEquals(List.of("none", "quarter", "day", "march"),
                rows.list(10, Long.MAX_VALUE).stream().map(JobRows.Job::id).toList());
    }
}
