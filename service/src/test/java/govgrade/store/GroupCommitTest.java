package govgrade.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes that arrive while another commits go in one transaction, on a real SQLite file and a
 * real PostgreSQL database: each caller answered only after the commit, each run read back, and
 * a write that fails in a group fails its own caller only.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
class GroupCommitTest {
    private static final int WRITERS = 12;

    @Parameter
    String store;

    @TempDir
    Path dir;
    private Database db;
    private Runs runs;
    private final AtomicInteger transactions = new AtomicInteger();
    private ExecutorService pool;

    @BeforeEach
    void open() throws SQLException {
        db = Stores.open(store, dir, nanos -> transactions.incrementAndGet());
        runs = new Runs(db);
        new PackVersions(db).store("shangqiu", "v1", new TreeMap<>(Map.of("rules-drl/shangqiu/x.drl", utf8("v1"))),
                "disk", "test");
        transactions.set(0);
        pool = Executors.newFixedThreadPool(WRITERS + 1);
    }

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        db.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void save(String runId) throws SQLException {
        runs.save(runId, "shangqiu", "v1", utf8("{\"batch\":\"" + runId + "\"}"), utf8("{\"run\":\"" + runId + "\"}"),
                List.of(new ResultRow("account", runId, "wechat", "good", "好", "90", 1, "")));
    }

    /** Holds the writer until {@code release}, so the writes sent meanwhile queue up behind it. */
    private Future<Object> holdTheWriter(CountDownLatch holding, CountDownLatch release) {
        return pool.submit(() -> db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO audit (at, actor, action, pack, detail) "
                    + "VALUES ('now', 'test', 'hold', 'shangqiu', 'holding the writer')")) {
                s.executeUpdate();
            }
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
    }

    private List<Future<Object>> queueBehind(List<String> runIds) throws Exception {
        List<Future<Object>> writes = new ArrayList<>();
        for (String id : runIds) {
            writes.add(pool.submit(() -> {
                save(id);
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.waitingWrites() < runIds.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(runIds.size(), db.waitingWrites(), "every write is waiting for the writer");
        return writes;
    }

    @Test
    void writesQueuedBehindACommitAreCommittedTogetherAndEachReadsBack() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> holder = holdTheWriter(holding, release);
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            ids.add("run-" + i);
        }
        List<Future<Object>> writes = queueBehind(ids);
        for (Future<Object> w : writes) {
            assertTrue(!w.isDone(), "no write is answered before its group commits");
        }
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        for (Future<Object> w : writes) {
            w.get(10, TimeUnit.SECONDS);
        }
        assertEquals(2, transactions.get(), "the held write, then one transaction for the twelve queued behind it");
        for (String id : ids) {
            StoredRun run = runs.find(id).orElseThrow();
            assertArrayEquals(utf8("{\"run\":\"" + id + "\"}"), run.result());
        }
        assertEquals(WRITERS, runs.count());
    }

    @Test
    void aWriteThatFailsInAGroupFailsOnlyItsOwnCaller() throws Exception {
        save("run-taken");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> holder = holdTheWriter(holding, release);
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        // The clash sits in the middle of the group: the writes before and after it are kept.
        List<String> ids = List.of("run-a", "run-b", "run-taken", "run-c", "run-d");
        List<Future<Object>> writes = queueBehind(ids);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).equals("run-taken")) {
                ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        () -> writes.get(2).get(10, TimeUnit.SECONDS));
                assertInstanceOf(SQLException.class, e.getCause(), "the clash's caller gets the database's error");
            } else {
                writes.get(i).get(10, TimeUnit.SECONDS);
                assertTrue(runs.find(ids.get(i)).isPresent(), ids.get(i) + " was stored beside the failed write");
            }
        }
        assertEquals(5, runs.count(), "run-taken once, and the four others");
        assertArrayEquals(utf8("{\"run\":\"run-taken\"}"), runs.find("run-taken").orElseThrow().result());
    }
}
