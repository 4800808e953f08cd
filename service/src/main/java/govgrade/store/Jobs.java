package govgrade.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Jobs and their items as the workers of every instance share them. An item is claimed under a
 * lease (epoch milliseconds of the claimer's clock) that its worker renews; an item whose lease
 * ran out is anyone's again, up to {@link #MAX_ATTEMPTS} claims. On PostgreSQL a claim skips the
 * rows another instance is claiming at that moment ({@code FOR UPDATE SKIP LOCKED}), so two never
 * get one item; on SQLite the write transaction serialises claims. A result is stored in the
 * transaction that marks its item done, and only while the claim is the worker's own: a worker
 * that lost its lease stores nothing.
 */
public final class Jobs {
    /** The PostgreSQL channel a new job (or an item given back) notifies; the payload is the job id. */
    public static final String CHANNEL = "govgrade_jobs";
    /** Claims an item gets; a third claim that does not finish fails it for good. */
    public static final int MAX_ATTEMPTS = 3;

    /** An item claimed by this instance: {@code attempt} tells this claim from an earlier or later one. */
    public record Claim(String job, int seq, String runId, int attempt, String kind, String pack, String version) {
    }

    /** Which stored runs of a pack a job takes: all ({@code null} filters), those within from..to, or holding a day. */
    public record RunsOf(String pack, String from, String to, String day) {
    }

    private final Database db;
    private final Packing packing;

    /** New runs and answers in zstd. */
    public Jobs(Database db) {
        this(db, StoreCodec.ZSTD);
    }

    /** New runs and answers in {@code codec}. */
    public Jobs(Database db, StoreCodec codec) {
        this.db = db;
        this.packing = Packing.writing(codec);
    }

    /** How many stored runs {@code of} names, to refuse a job too large before making it. */
    public int count(RunsOf of) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM runs WHERE " + where(of))) {
                bind(s, 1, of);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    /**
     * Makes a job with one pending item per run {@code of} names, in storing order, in one
     * transaction; a job of no items is finished at once. Returns the number of items.
     */
    public int create(String id, String kind, String versionAsked, String version, String params, String who,
                      RunsOf of) throws SQLException {
        String now = Instant.now().toString();
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO jobs (id, kind, pack, version_asked, version, "
                    + "params, who, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running')")) {
                s.setString(1, id);
                s.setString(2, kind);
                s.setString(3, of.pack());
                s.setString(4, versionAsked);
                s.setString(5, version);
                s.setString(6, params);
                s.setString(7, who);
                s.setString(8, now);
                s.executeUpdate();
            }
            int items;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO job_items (job, seq, run_id, state, attempts) "
                    + "SELECT ?, row_number() OVER (ORDER BY rowid) - 1, id, 'pending', 0 FROM runs WHERE " + where(of))) {
                s.setString(1, id);
                bind(s, 2, of);
                items = s.executeUpdate();
            }
            if (items == 0) {
                finishIfDone(c, id);
            } else {
                notifyWorkers(c, id);
            }
            return items;
        });
    }

    /**
     * Whether any item is there to claim (or to fail for good), by a read: an idle worker asks this
     * first, so looking for work takes no write transaction, which would queue behind gradings.
     */
    public boolean claimable(long now) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM job_items WHERE state = 'pending' "
                    + "OR (state = 'claimed' AND lease_until < ?) LIMIT 1")) {
                s.setLong(1, now);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /**
     * Claims up to {@code k} items for {@code instance}: pending ones, and claimed ones whose lease
     * ran out (their instance died or stalled) and have claims left; those without fail for good.
     */
    public List<Claim> claim(String instance, int k, long now, long leaseMs) throws SQLException {
        return db.write(c -> {
            expire(c, now);
            List<Claim> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("UPDATE job_items SET state = 'claimed', claimed_by = ?, "
                    + "lease_until = ?, attempts = attempts + 1 WHERE (job, seq) IN (SELECT i.job, i.seq FROM job_items i "
                    + "JOIN jobs j ON j.id = i.job WHERE i.state = 'pending' OR (i.state = 'claimed' AND i.lease_until < ?) "
                    + "ORDER BY j.created_at, i.job, i.seq LIMIT ?" + (db.postgres() ? " FOR UPDATE OF i SKIP LOCKED" : "")
                    + ") RETURNING job, seq, run_id, attempts")) {
                s.setString(1, instance);
                s.setLong(2, now + leaseMs);
                s.setLong(3, now);
                s.setInt(4, k);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Claim(r.getString(1), r.getInt(2), r.getString(3), r.getInt(4), null, null, null));
                    }
                }
            }
            // RETURNING follows no order on PostgreSQL: a worker takes its items in the job's order.
            out.sort(Comparator.comparing(Claim::job).thenComparingInt(Claim::seq));
            List<Claim> full = new ArrayList<>(out.size());
            try (PreparedStatement s = c.prepareStatement("SELECT kind, pack, version FROM jobs WHERE id = ?")) {
                for (Claim claim : out) {
                    s.setString(1, claim.job());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        full.add(new Claim(claim.job(), claim.seq(), claim.runId(), claim.attempt(), r.getString(1),
                                r.getString(2), r.getString(3)));
                    }
                }
            }
            return full;
        });
    }

    /** Claimed items whose lease ran out with no claims left fail for good. */
    private void expire(Connection c, long now) throws SQLException {
        Set<String> jobs = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("UPDATE job_items SET state = 'failed', error_code = "
                + "'lease_expired', error_message = ?, done_at = ? WHERE state = 'claimed' AND lease_until < ? "
                + "AND attempts >= ? RETURNING job")) {
            s.setString(1, "claimed " + MAX_ATTEMPTS + " times and never finished: each claimer stopped or "
                    + "stalled past its lease");
            s.setString(2, Instant.now().toString());
            s.setLong(3, now);
            s.setInt(4, MAX_ATTEMPTS);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    jobs.add(r.getString(1));
                }
            }
        }
        for (String job : jobs) {
            finishIfDone(c, job);
        }
    }

    /** Extends a claim still this instance's; false: it is lost (expired and claimed again, or gone). */
    public boolean renew(Claim claim, String instance, long now, long leaseMs) throws SQLException {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE job_items SET lease_until = ? WHERE " + HELD)) {
                s.setLong(1, now + leaseMs);
                held(s, 2, claim, instance, now);
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Stores the what-if {@code whatIfId} (its answer {@code answer}, not yet compressed) and marks
     * the item done, in one transaction; false, and nothing stored, when the claim is no longer held.
     */
    public boolean doneWhatIf(Claim claim, String instance, long now, String whatIfId, String againstPack,
                              byte[] answer, String summary) throws SQLException {
        byte[] packed = packing.packed(answer);
        return done(claim, instance, now, whatIfId, summary,
                c -> WhatIfs.insert(c, whatIfId, claim.runId(), againstPack, claim.version(), packed));
    }

    /** As {@link #doneWhatIf}, storing a new run (batch, run and results) instead. */
    public boolean doneRun(Claim claim, String instance, long now, String newRunId, String pack, String periodFrom,
                           String periodTo, byte[] batchBody, byte[] response, List<ResultRow> rows, String summary)
            throws SQLException {
        Runs.Packed run = Runs.Packed.of(packing, newRunId, pack, claim.version(), periodFrom, periodTo, batchBody,
                response, rows);
        return done(claim, instance, now, newRunId, summary, c -> Runs.insert(c, run));
    }

    @FunctionalInterface
    private interface Insert {
        void into(Connection c) throws SQLException;
    }

    private boolean done(Claim claim, String instance, long now, String resultId, String summary, Insert result)
            throws SQLException {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE job_items SET state = 'done', result_id = ?, "
                    + "summary = ?, done_by = ?, done_at = ? WHERE " + HELD)) {
                s.setString(1, resultId);
                s.setString(2, summary);
                s.setString(3, instance);
                s.setString(4, Instant.now().toString());
                held(s, 5, claim, instance, now);
                if (s.executeUpdate() != 1) {
                    return false; // nothing written: the transaction commits no change
                }
            }
            result.into(c);
            finishIfDone(c, claim.job());
            return true;
        });
    }

    /**
     * Gives an item back after a failure: claimed again later while it has claims left and the
     * failure may pass ({@code forGood} false), else failed with {@code code} and {@code message}.
     */
    public boolean fail(Claim claim, String instance, long now, String code, String message, boolean forGood)
            throws SQLException {
        boolean last = forGood || claim.attempt() >= MAX_ATTEMPTS;
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE job_items SET state = ?, lease_until = NULL, "
                    + "error_code = ?, error_message = ?, done_by = ?, done_at = ? WHERE " + HELD)) {
                s.setString(1, last ? "failed" : "pending");
                s.setString(2, code);
                s.setString(3, message);
                s.setString(4, last ? instance : null);
                s.setString(5, last ? Instant.now().toString() : null);
                held(s, 6, claim, instance, now);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            if (last) {
                finishIfDone(c, claim.job());
            } else {
                notifyWorkers(c, claim.job());
            }
            return true;
        });
    }

    private static final String HELD = "job = ? AND seq = ? AND state = 'claimed' AND claimed_by = ? AND attempts = ? "
            + "AND lease_until >= ?";

    private static void held(PreparedStatement s, int i, Claim claim, String instance, long now) throws SQLException {
        s.setString(i, claim.job());
        s.setInt(i + 1, claim.seq());
        s.setString(i + 2, instance);
        s.setInt(i + 3, claim.attempt());
        s.setLong(i + 4, now);
    }

    /**
     * Marks the job finished once no item is pending or claimed. On PostgreSQL the job's row is
     * locked first: two instances finishing its last two items at once would each see the other's
     * item still claimed, and neither would finish it.
     */
    private void finishIfDone(Connection c, String job) throws SQLException {
        if (db.postgres()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM jobs WHERE id = ? FOR UPDATE")) {
                s.setString(1, job);
                s.executeQuery().close();
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = 'finished', finished_at = ? WHERE id = ? "
                + "AND state = 'running' AND NOT EXISTS (SELECT 1 FROM job_items WHERE job = ? AND state IN "
                + "('pending', 'claimed'))")) {
            s.setString(1, Instant.now().toString());
            s.setString(2, job);
            s.setString(3, job);
            s.executeUpdate();
        }
    }

    private void notifyWorkers(Connection c, String job) throws SQLException {
        if (db.postgres()) {
            // Delivered when the transaction commits, to the workers of every instance listening.
            try (PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                s.setString(1, job);
                s.executeQuery().close();
            }
        }
    }

    private static String where(RunsOf of) {
        StringBuilder sql = new StringBuilder("pack = ?");
        if (of.from() != null) {
            sql.append(" AND period_from >= ? AND period_to <= ?");
        }
        if (of.day() != null) {
            sql.append(" AND period_from <= ? AND period_to >= ?");
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement s, int i, RunsOf of) throws SQLException {
        s.setString(i++, of.pack());
        if (of.from() != null) {
            s.setString(i++, of.from());
            s.setString(i++, of.to());
        }
        if (of.day() != null) {
            s.setString(i++, of.day());
            s.setString(i, of.day());
        }
    }
}
