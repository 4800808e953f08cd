package govgrade.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Jobs and their items read back: what a job's state and answer are made from. */
public final class JobRows {

    /** A job as made; {@code order} is its place in the order jobs were made, the listing's cursor. */
    public record Job(long order, String id, String kind, String pack, String versionAsked, String version,
                      String params, String who, String createdAt, String state, String finishedAt) {
    }

    /** One item as it stands; {@code attempts} above 1: claimed again after a lease ran out or a failure. */
    public record Item(int seq, String runId, String state, String claimedBy, int attempts, String resultId,
                       String summary, String doneBy, String errorCode, String errorMessage) {
    }

    private static final String JOB = "SELECT rowid, id, kind, pack, version_asked, version, params, who, created_at, "
            + "state, finished_at FROM jobs";

    private final Database db;

    public JobRows(Database db) {
        this.db = db;
    }

    public Optional<Job> find(String id) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(JOB + " WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(job(r)) : Optional.<Job>empty();
                }
            }
        });
    }

    /** Up to {@code limit} jobs made before the one numbered {@code before} (Long.MAX_VALUE: the newest), newest first. */
    public List<Job> list(int limit, long before) throws SQLException {
        return db.read(c -> {
            List<Job> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(JOB + " WHERE rowid < ? ORDER BY rowid DESC LIMIT ?")) {
                s.setLong(1, before);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(job(r));
                    }
                }
            }
            return out;
        });
    }

    /** A job's items in order. */
    public List<Item> items(String job) throws SQLException {
        return db.read(c -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, run_id, state, claimed_by, attempts, result_id, "
                    + "summary, done_by, error_code, error_message FROM job_items WHERE job = ? ORDER BY seq")) {
                s.setString(1, job);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Item(r.getInt(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                                r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10)));
                    }
                }
            }
            return out;
        });
    }

    private static Job job(ResultSet r) throws SQLException {
        return new Job(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11));
    }
}
