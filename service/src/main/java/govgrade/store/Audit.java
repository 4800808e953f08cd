package govgrade.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log: pack changes and refused tokens, newest first. Written, never edited or deleted. */
public final class Audit {
    /** One line of the log; {@code id} orders them and pages the listing. */
    public record Entry(long id, String at, String action, String actor, String role, String address, String pack,
                        String version, String detail) {
    }

    private final Database db;

    public Audit(Database db) {
        this.db = db;
    }

    /** Records an action now; fields that do not apply are null. */
    public void record(String action, String actor, String role, String address, String pack, String version,
                       String detail) throws SQLException {
        db.write(c -> {
            insert(c, action, actor, role, address, pack, version, detail);
            return null;
        });
    }

    /** Within a write already open (an activation records itself in its own transaction). */
    static void insert(Connection c, String action, String actor, String role, String address, String pack,
                       String version, String detail) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit (at, action, actor, role, address, pack, "
                + "version, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, Instant.now().toString());
            s.setString(2, action);
            s.setString(3, actor);
            s.setString(4, role);
            s.setString(5, address);
            s.setString(6, pack);
            s.setString(7, version);
            s.setString(8, detail);
            s.executeUpdate();
        }
    }

    /** Up to {@code limit} entries before the one numbered {@code before} (Long.MAX_VALUE: the newest), newest first. */
    public List<Entry> list(int limit, long before) throws SQLException {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, at, action, actor, role, address, pack, version, "
                    + "detail FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?")) {
                s.setLong(1, before);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Entry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7), r.getString(8), r.getString(9)));
                    }
                }
            }
            return out;
        });
    }
}
