package govgrade.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Batches as received and the runs graded from them, each written whole or not at all. */
public final class Runs {
    private final Database db;
    private final Packing packing;

    /** New rows in zstd. */
    public Runs(Database db) {
        this(db, StoreCodec.ZSTD);
    }

    /** New rows in {@code codec}; rows of either are read. */
    public Runs(Database db, StoreCodec codec) {
        this.db = db;
        this.packing = Packing.writing(codec);
    }

    /**
     * Stores a run in one transaction: the batch (once per content hash), the run with its
     * response body, and a row per result.
     */
    public void save(String runId, String pack, String version, byte[] batchBody, byte[] response,
                     List<ResultRow> rows) throws SQLException {
        save(runId, pack, version, null, null, batchBody, response, rows);
    }

    /** As {@link #save(String, String, String, byte[], byte[], List)}, with the period graded (YYYY-MM-DD). */
    public void save(String runId, String pack, String version, String periodFrom, String periodTo, byte[] batchBody,
                     byte[] response, List<ResultRow> rows) throws SQLException {
        Packed run = Packed.of(packing, runId, pack, version, periodFrom, periodTo, batchBody, response, rows);
        db.write(c -> {
            insert(c, run);
            return null;
        });
    }

    /** A run ready to store: compressed and hashed before the write transaction, not inside it. */
    record Packed(String runId, String pack, String version, String periodFrom, String periodTo, String hash,
                  int batchSize, byte[] batch, byte[] result, List<ResultRow> rows) {
        static Packed of(Packing packing, String runId, String pack, String version, String periodFrom,
                         String periodTo, byte[] batchBody, byte[] response, List<ResultRow> rows) {
            return new Packed(runId, pack, version, periodFrom, periodTo, sha256(batchBody), batchBody.length,
                    packing.packed(batchBody), packing.packed(response), rows);
        }
    }

    /** Writes batch, run and results on {@code c}, inside a transaction of the caller's (a job item's too). */
    static void insert(Connection c, Packed run) throws SQLException {
        String now = Instant.now().toString();
        long batchId;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO batches (hash, pack, received_at, size, body) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (hash) DO NOTHING")) {
            s.setString(1, run.hash());
            s.setString(2, run.pack());
            s.setString(3, now);
            s.setInt(4, run.batchSize());
            s.setBytes(5, run.batch());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM batches WHERE hash = ?")) {
            s.setString(1, run.hash());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                batchId = r.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO runs (id, batch_id, pack, version, created_at, result, period_from, period_to) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, run.runId());
            s.setLong(2, batchId);
            s.setString(3, run.pack());
            s.setString(4, run.version());
            s.setString(5, now);
            s.setBytes(6, run.result());
            s.setString(7, run.periodFrom());
            s.setString(8, run.periodTo());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO results (run_id, seq, subject_type, subject_id, "
                + "channel, grade, label, score, rank, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (ResultRow row : run.rows()) {
                s.setString(1, run.runId());
                s.setInt(2, seq++);
                s.setString(3, row.subjectType());
                s.setString(4, row.subjectId());
                s.setString(5, row.channel());
                s.setString(6, row.grade());
                s.setString(7, row.label());
                s.setString(8, row.score());
                if (row.rank() == null) {
                    s.setNull(9, Types.INTEGER);
                } else {
                    s.setInt(9, row.rank());
                }
                s.setString(10, row.problems());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public Optional<StoredRun> find(String runId) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT r.id, r.pack, r.version, r.created_at, b.body, "
                    + "r.result FROM runs r JOIN batches b ON b.id = r.batch_id WHERE r.id = ?")) {
                s.setString(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredRun(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            Packing.unpack(r.getBytes(5)), Packing.unpack(r.getBytes(6))));
                }
            }
        });
    }

    /**
     * The latest run stored of {@code pack} whose period ends on {@code periodTo} (YYYY-MM-DD),
     * among those stored before the run numbered {@code before} ({@link #order}; Long.MAX_VALUE: all).
     */
    public Optional<StoredRun> latestEnding(String pack, String periodTo, long before) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT r.id, r.pack, r.version, r.created_at, b.body, "
                    + "r.result FROM runs r JOIN batches b ON b.id = r.batch_id WHERE r.pack = ? AND r.period_to = ? "
                    + "AND r.rowid < ? ORDER BY r.rowid DESC LIMIT 1")) {
                s.setString(1, pack);
                s.setString(2, periodTo);
                s.setLong(3, before);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredRun(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            Packing.unpack(r.getBytes(5)), Packing.unpack(r.getBytes(6))));
                }
            }
        });
    }

    /** Where a run stands in the order runs were stored (its rowid: runs are never deleted); empty if unknown. */
    public Optional<Long> order(String runId) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT rowid FROM runs WHERE id = ?")) {
                s.setString(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /**
     * Up to {@code limit} runs stored before the run numbered {@code before} (Long.MAX_VALUE: from
     * the newest), newest first; each filter null is no filter. {@code period} is a day
     * (YYYY-MM-DD) the run's period holds.
     */
    public List<RunSummary> list(String pack, String version, String period, int limit, long before)
            throws SQLException {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT rowid, id, pack, version, period_from, period_to, created_at "
                    + "FROM runs WHERE rowid < ?");
            List<String> args = new ArrayList<>();
            if (pack != null) {
                sql.append(" AND pack = ?");
                args.add(pack);
            }
            if (version != null) {
                sql.append(" AND version = ?");
                args.add(version);
            }
            if (period != null) {
                sql.append(" AND period_from <= ? AND period_to >= ?");
                args.add(period);
                args.add(period);
            }
            sql.append(" ORDER BY rowid DESC LIMIT ?");
            List<RunSummary> page = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                s.setLong(i++, before);
                for (String a : args) {
                    s.setString(i++, a);
                }
                s.setInt(i, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        page.add(new RunSummary(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7), 0, null));
                    }
                }
            }
            List<RunSummary> out = new ArrayList<>(page.size());
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT grade, count(*) FROM results WHERE run_id = ? GROUP BY grade")) {
                for (RunSummary run : page) {
                    s.setString(1, run.id());
                    Map<String, Integer> grades = new TreeMap<>();
                    int results = 0;
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            results += r.getInt(2);
                            if (r.getString(1) != null) {
                                grades.put(r.getString(1), r.getInt(2));
                            }
                        }
                    }
                    out.add(new RunSummary(run.order(), run.id(), run.pack(), run.version(), run.periodFrom(),
                            run.periodTo(), run.createdAt(), results, grades));
                }
            }
            return out;
        });
    }

    /** The newest run's place in storing order, 0 with none: a read as cheap as the store allows. */
    public long latestOrder() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT coalesce(max(rowid), 0) FROM runs");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    public int count() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM runs");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
