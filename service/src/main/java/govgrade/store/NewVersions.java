package govgrade.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pack versions as they are stored, by any instance, in order: an instance compiles each new one
 * ahead of an activation, so that activating it anywhere only switches. On PostgreSQL a stored
 * version notifies {@link ActiveChanges#CHANNEL}, so the others hear of it at once.
 */
public final class NewVersions {
    private final Database db;

    public NewVersions(Database db) {
        this.db = db;
    }

    /** A version as stored, in the order versions were stored. */
    public record Stored(long seq, String pack, String version) {
    }

    /** The sequence number of the version stored last; 0 when none. */
    public long lastStored() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT max(rowid) FROM pack_versions");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    /** The versions that graded (status ok) stored after {@code seq}, oldest first. */
    public List<Stored> storedAfter(long seq) throws SQLException {
        return db.read(c -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT rowid, pack, version FROM pack_versions "
                    + "WHERE rowid > ? AND status = 'ok' ORDER BY rowid")) {
                s.setLong(1, seq);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Stored(r.getLong(1), r.getString(2), r.getString(3)));
                    }
                }
            }
            return out;
        });
    }
}
