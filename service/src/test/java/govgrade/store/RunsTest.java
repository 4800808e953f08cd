package govgrade.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Batches, runs with their result rows, and what-if answers, written and read back from a real SQLite file and a real PostgreSQL database. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {Stores.SQLITE, Stores.POSTGRESQL})
class RunsTest {
    @Parameter
    String store;

    private static final byte[] BATCH = "{\"pack\":\"shangqiu\",\"accounts\":[]}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private Database db;
    private Runs runs;

    @BeforeEach
    void open() throws SQLException {
        db = Stores.open(store, dir);
        runs = new Runs(db);
        // A run names a stored pack version (a foreign key), as the service stores it before grading.
        PackVersions versions = new PackVersions(db);
        for (String pack : List.of("shangqiu", "meixian")) {
            for (String version : List.of("v1", "v2")) {
                versions.store(pack, version, new TreeMap<>(Map.of("rules-drl/" + pack + "/x.drl", utf8(version))),
                        "disk", "test");
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> rows(String sql) throws SQLException {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        cells.add(r.getString(i));
                    }
                    out.add(String.join("|", cells));
                }
            }
            return out;
        });
    }

    /** The first {@code n} bytes, in hex, of the one stored value {@code sql} selects. */
    private String storedStart(String sql, int n) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), sql);
                return HexFormat.of().formatHex(r.getBytes(1), 0, n);
            }
        });
    }

    @Test
    void aSavedRunComesBackWithItsBatchAndResponseByteForByte() throws Exception {
        byte[] response = utf8("{\"run\":\"r1\",\"results\":[{\"label\":\"不合格\"}]}");
        runs.save("r1", "shangqiu", "v1", BATCH, response, List.of());
        StoredRun r = runs.find("r1").orElseThrow();
        assertEquals("r1", r.id());
        assertEquals("shangqiu", r.pack());
        assertEquals("v1", r.version());
        assertArrayEquals(BATCH, r.batch());
        assertArrayEquals(response, r.result());
        assertTrue(runs.find("r2").isEmpty());
    }

    @Test
    void eachResultIsAlsoARowInOrder() throws Exception {
        runs.save("r1", "shangqiu", "v1", BATCH, utf8("{}"), List.of(
                new ResultRow("account", "a1", "new-media", "FAIL", "不合格", null, null, "NO_UPDATE_2_WEEKS"),
                new ResultRow("unit", "u1", "submissions", null, null, "30.4", 1, "")));
        assertEquals(List.of("0|account|a1|new-media|FAIL|不合格|null|null|NO_UPDATE_2_WEEKS",
                        "1|unit|u1|submissions|null|null|30.4|1|"),
                rows("SELECT seq, subject_type, subject_id, channel, grade, label, score, rank, problems "
                        + "FROM results WHERE run_id = 'r1' ORDER BY seq"));
    }

    @Test
    void twoRunsOfOneBatchStoreTheBatchOnce() throws Exception {
        runs.save("r1", "shangqiu", "v1", BATCH, utf8("{}"), List.of());
        runs.save("r2", "shangqiu", "v2", BATCH, utf8("{}"), List.of());
        assertEquals(2, runs.count());
        assertEquals(List.of("1"), rows("SELECT count(*) FROM batches"));
        assertArrayEquals(BATCH, runs.find("r2").orElseThrow().batch());
    }

    @Test
    void aRunIdIsStoredOnceAndAClashWritesNothing() throws Exception {
        runs.save("r1", "shangqiu", "v1", BATCH, utf8("{}"), List.of());
        assertThrows(SQLException.class, () -> runs.save("r1", "shangqiu", "v1", utf8("{\"other\":1}"), utf8("{}"),
                List.of(new ResultRow("account", "a1", "new-media", "PASS", "合格", null, null, ""))));
        assertEquals(1, runs.count());
        assertEquals(List.of("1"), rows("SELECT count(*) FROM batches"), "the second batch was rolled back");
        assertEquals(List.of("0"), rows("SELECT count(*) FROM results"));
    }

    @Test
    void aWhatIfAnswerComesBackByItsId() throws Exception {
        runs.save("r1", "meixian", "v1", BATCH, utf8("{}"), List.of());
        WhatIfs whatIfs = new WhatIfs(db);
        byte[] answer = utf8("{\"changes\":[{\"after\":{\"label\":\"差\"}}]}");
        whatIfs.save("w1", "r1", "meixian", "v2", answer);
        assertArrayEquals(answer, whatIfs.find("w1").orElseThrow());
        assertTrue(whatIfs.find("w2").isEmpty());
    }

    @Test
    void aRunAndAWhatIfStoredGzipBeforeZstdReadBackByteForByte() throws Exception {
        byte[] response = utf8("{\"run\":\"old\",\"results\":[{\"label\":\"不合格\"}]}");
        byte[] answer = utf8("{\"changes\":[{\"after\":{\"label\":\"差\"}}]}");
        // Written as the store wrote every row before round 3: gzip level 3, through the same inserts.
        db.write(c -> {
            Runs.insert(c, new Runs.Packed("old", "shangqiu", "v1", null, "2020-10-31", Runs.sha256(BATCH),
                    BATCH.length, Gzip.pack(BATCH), Gzip.pack(response), List.of()));
            WhatIfs.insert(c, "w-old", "old", "shangqiu", "v2", Gzip.pack(answer));
            return null;
        });
        assertEquals("1f8b", storedStart("SELECT body FROM batches", 2));
        assertEquals("1f8b", storedStart("SELECT result FROM runs WHERE id = 'old'", 2));
        assertEquals("1f8b", storedStart("SELECT result FROM whatifs WHERE id = 'w-old'", 2));
        StoredRun old = runs.find("old").orElseThrow();
        assertArrayEquals(BATCH, old.batch());
        assertArrayEquals(response, old.result());
        assertArrayEquals(BATCH, runs.latestEnding("shangqiu", "2020-10-31", Long.MAX_VALUE).orElseThrow().batch());
        assertArrayEquals(answer, new WhatIfs(db).find("w-old").orElseThrow());

        // A new run of the same batch keeps the gzip body (stored once per hash) beside its zstd result.
        runs.save("new", "shangqiu", "v2", BATCH, response, List.of());
        StoredRun mixed = runs.find("new").orElseThrow();
        assertArrayEquals(BATCH, mixed.batch());
        assertArrayEquals(response, mixed.result());
        assertEquals("28b52ffd", storedStart("SELECT result FROM runs WHERE id = 'new'", 4));
        assertEquals("1f8b", storedStart("SELECT body FROM batches", 2));
    }

    @Test
    void withGzipChosenEveryNewRowIsGzipAsAReleaseBeforeZstdReadsItAndTheDefaultReadsItBack() throws Exception {
        byte[] response = utf8("{\"run\":\"g\",\"results\":[{\"label\":\"合格\"}]}");
        byte[] answer = utf8("{\"changes\":[]}");
        new Runs(db, StoreCodec.GZIP).save("g", "shangqiu", "v1", BATCH, response, List.of());
        new WhatIfs(db, StoreCodec.GZIP).save("w-g", "g", "shangqiu", "v2", answer);
        // An older release unpacks every row with gzip alone.
        assertArrayEquals(BATCH, Gzip.unpack(stored("SELECT body FROM batches")));
        assertArrayEquals(response, Gzip.unpack(stored("SELECT result FROM runs WHERE id = 'g'")));
        assertArrayEquals(answer, Gzip.unpack(stored("SELECT result FROM whatifs WHERE id = 'w-g'")));
        // Once every instance runs this release the option goes, and the default reads what it wrote.
        assertArrayEquals(response, runs.find("g").orElseThrow().result());
        assertArrayEquals(BATCH, runs.find("g").orElseThrow().batch());
        assertArrayEquals(answer, new WhatIfs(db).find("w-g").orElseThrow());
        runs.save("z", "shangqiu", "v1", BATCH, response, List.of());
        assertEquals("28b52ffd", storedStart("SELECT result FROM runs WHERE id = 'z'", 4));
    }

    private byte[] stored(String sql) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        });
    }

    @Test
    void storedJsonIsCompressed() throws Exception {
        byte[] big = utf8("{\"results\":[" + "{\"grade\":\"PASS\",\"label\":\"合格\"},".repeat(2000) + "{}]}");
        runs.save("r1", "meixian", "v1", BATCH, big, List.of());
        int stored = Integer.parseInt(rows("SELECT length(result) FROM runs WHERE id = 'r1'").get(0));
        assertTrue(stored < big.length / 10, stored + " bytes stored for " + big.length);
    }

    @Test
    void runsAreListedNewestFirstAndPagedByTheOrderTheyWereStored() throws Exception {
        runs.save("r1", "shangqiu", "v1", "2020-12-01", "2020-12-31", BATCH, utf8("{}"), List.of(
                new ResultRow("account", "a1", "new-media", "FAIL", "不合格", null, null, "")));
        runs.save("r2", "meixian", "v1", "2020-12-01", "2020-12-31", utf8("{\"b\":2}"), utf8("{}"), List.of());
        runs.save("r3", "shangqiu", "v2", "2021-01-01", "2021-01-31", utf8("{\"b\":3}"), utf8("{}"), List.of());
        assertEquals(List.of("r3", "r2", "r1"), ids(runs.list(null, null, null, 10, Long.MAX_VALUE)));
        assertEquals(List.of("r3", "r1"), ids(runs.list("shangqiu", null, null, 10, Long.MAX_VALUE)));
        assertEquals(List.of("r1"), ids(runs.list(null, "v1", "2020-12-15", 1, runs.order("r2").orElseThrow())));
        assertEquals(Map.of("FAIL", 1), runs.list("shangqiu", "v1", null, 1, Long.MAX_VALUE).get(0).grades());
        assertEquals(runs.order("r3").orElseThrow(), runs.latestOrder());
        assertEquals("r1", runs.latestEnding("shangqiu", "2020-12-31", Long.MAX_VALUE).orElseThrow().id());
        assertTrue(runs.latestEnding("shangqiu", "2020-12-31", runs.order("r1").orElseThrow()).isEmpty());
    }

    private static List<String> ids(List<RunSummary> page) {
        return page.stream().map(RunSummary::id).toList();
    }
}
