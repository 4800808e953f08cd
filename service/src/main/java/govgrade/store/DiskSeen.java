package govgrade.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * What each instance last took from its own disk, per pack: instances over one store may hold
 * different files (a release rolled out one instance at a time), and one instance's files are
 * not an edit of another's.
 */
public final class DiskSeen {
    private final Database db;
    private final String instance;

    /** {@code instance}: the id of this instance, the same across its restarts. */
    public DiskSeen(Database db, String instance) {
        this.db = db;
        this.instance = instance;
    }

    /**
     * The meaning of the files this instance last took from disk for {@code pack}. Not what another
     * instance took, nor the rows kept before instances were told apart: a new instance's files
     * count as an edit only where they are no stored version (the rule before anything was kept).
     */
    public Optional<String> meaning(String pack) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT meaning FROM disk_seen_by_instance WHERE instance = ? AND pack = ?")) {
                s.setString(1, instance);
                s.setString(2, pack);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void see(String pack, String meaning) throws SQLException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO disk_seen_by_instance (instance, pack, meaning, "
                    + "seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (instance, pack) DO UPDATE SET meaning = excluded.meaning, "
                    + "seen_at = excluded.seen_at")) {
                s.setString(1, instance);
                s.setString(2, pack);
                s.setString(3, meaning);
                s.setString(4, Instant.now().toString());
                s.executeUpdate();
            }
            return null;
        });
    }
}
