package govgrade.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every pack version ever seen, its files, and which version of each pack is active. */
public final class PackVersions {

    /** One stored version: when first seen, from where, and whether and by whom it was published. */
    public record Version(String pack, String version, String firstSeen, String origin, String createdBy,
                          String publishedAt, String publishedBy, boolean active) {
    }

    private final Database db;

    public PackVersions(Database db) {
        this.db = db;
    }

    /** Stores a version with its files unless stored already; true if it was new. */
    public boolean store(String pack, String version, SortedMap<String, byte[]> files, String origin,
                         String createdBy) throws SQLException {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pack_versions (pack, version, first_seen, "
                    + "origin, created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, pack);
                s.setString(2, version);
                s.setString(3, Instant.now().toString());
                s.setString(4, origin);
                s.setString(5, createdBy);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO pack_files (pack, version, path, content) VALUES (?, ?, ?, ?)")) {
                for (var f : files.entrySet()) {
                    s.setString(1, pack);
                    s.setString(2, version);
                    s.setString(3, f.getKey());
                    s.setBytes(4, f.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        });
    }

    /** Makes a stored version the active one and records who published it. */
    public void activate(String pack, String version, String by) throws SQLException {
        String now = Instant.now().toString();
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE pack_versions SET published_at = ?, "
                    + "published_by = ? WHERE pack = ? AND version = ?")) {
                s.setString(1, now);
                s.setString(2, by);
                s.setString(3, pack);
                s.setString(4, version);
                if (s.executeUpdate() == 0) {
                    throw new SQLException("no stored version " + version + " of pack " + pack);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO active_packs (pack, version, since) "
                    + "VALUES (?, ?, ?) ON CONFLICT (pack) DO UPDATE SET version = excluded.version, "
                    + "since = excluded.since")) {
                s.setString(1, pack);
                s.setString(2, version);
                s.setString(3, now);
                s.executeUpdate();
            }
            return null;
        });
    }

    public Map<String, String> active() throws SQLException {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT pack, version FROM active_packs");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
            return out;
        });
    }

    /** Versions of a pack, newest first. */
    public List<Version> versions(String pack) throws SQLException {
        return db.read(c -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT v.pack, v.version, v.first_seen, v.origin, "
                    + "v.created_by, v.published_at, v.published_by, a.version IS NOT NULL FROM pack_versions v "
                    + "LEFT JOIN active_packs a ON a.pack = v.pack AND a.version = v.version WHERE v.pack = ? "
                    + "ORDER BY v.first_seen DESC, v.rowid DESC")) {
                s.setString(1, pack);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Version(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7), r.getBoolean(8)));
                    }
                }
            }
            return out;
        });
    }

    public Optional<SortedMap<String, byte[]>> files(String pack, String version) throws SQLException {
        return db.read(c -> {
            SortedMap<String, byte[]> out = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT path, content FROM pack_files WHERE pack = ? AND version = ?")) {
                s.setString(1, pack);
                s.setString(2, version);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getBytes(2));
                    }
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        });
    }
}
