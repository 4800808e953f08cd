package govgrade.store;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.Connection;
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

    /**
     * One stored version: when first seen, from where, whether and by whom it was published, and
     * whether it was refused (compiled but did not grade), with the reasons as JSON.
     */
    public record Version(String pack, String version, String firstSeen, String origin, String createdBy,
                          String publishedAt, String publishedBy, boolean active, String status,
                          @JsonRawValue String reasons, List<Activation> activations) {
    }

    /** A time the version became active: by whom (null where no one was named), and how (disk, restored, published, reverted). */
    public record Activation(String at, String by, String how) {
    }

    /** The active version of a pack: since when, and how it became active (disk, restored, published, reverted). */
    public record Active(String version, String since, String how) {
    }

    /** Statuses of a stored version. */
    public static final String OK = "ok";
    public static final String REFUSED = "refused";

    private final Database db;

    public PackVersions(Database db) {
        this.db = db;
    }

    /** Stores a version with its files unless stored already; true if it was new. */
    public boolean store(String pack, String version, SortedMap<String, byte[]> files, String origin,
                         String createdBy) throws SQLException {
        return store(pack, version, files, origin, createdBy, version, OK, null);
    }

    /**
     * Stores a version with its files, its meaning (content hash) and status unless stored
     * already; true if it was new. {@code reasons}: JSON, for a refused version.
     */
    public boolean store(String pack, String version, SortedMap<String, byte[]> files, String origin,
                         String createdBy, String meaning, String status, String reasons) throws SQLException {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pack_versions (pack, version, first_seen, "
                    + "origin, created_by, meaning, status, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING")) {
                s.setString(1, pack);
                s.setString(2, version);
                s.setString(3, Instant.now().toString());
                s.setString(4, origin);
                s.setString(5, createdBy);
                s.setString(6, meaning);
                s.setString(7, status);
                s.setString(8, reasons);
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
            if (db.postgres()) {
                // Other instances compile a new version as soon as it commits, before anyone activates it.
                notify(c, pack);
            }
            return true;
        });
    }

    /** Makes a stored version the active one and records who published it. */
    public void activate(String pack, String version, String by) throws SQLException {
        activate(pack, version, by, "published");
    }

    /** Makes a stored version the active one; {@code how}: disk, restored, published or reverted. */
    public void activate(String pack, String version, String by, String how) throws SQLException {
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
            try (PreparedStatement s = c.prepareStatement("INSERT INTO active_packs (pack, version, since, how) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (pack) DO UPDATE SET version = excluded.version, "
                    + "since = excluded.since, how = excluded.how")) {
                s.setString(1, pack);
                s.setString(2, version);
                s.setString(3, now);
                s.setString(4, how);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO activations (pack, version, at, by, how) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, pack);
                s.setString(2, version);
                s.setString(3, now);
                s.setString(4, by);
                s.setString(5, how);
                s.executeUpdate();
            }
            // A publish over HTTP is audited there, with the role and address this layer does not know.
            if (how.equals("disk") || how.equals("restored")) {
                Audit.insert(c, "reload", by, null, null, pack, version, how);
            }
            if (db.postgres()) {
                // Delivered when this transaction commits, to every instance listening (ActiveChanges).
                notify(c, pack);
            }
            return null;
        });
    }

    private static void notify(Connection c, String pack) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + ActiveChanges.CHANNEL + "', ?)")) {
            s.setString(1, pack);
            s.executeQuery().close();
        }
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

    /** Each pack's active version with since when and how. */
    public Map<String, Active> activeSince() throws SQLException {
        return db.read(c -> {
            Map<String, Active> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT pack, version, since, how FROM active_packs");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), new Active(r.getString(2), r.getString(3), r.getString(4)));
                }
            }
            return out;
        });
    }

    /** The stored id of the version of {@code pack} whose files mean {@code meaning}, if any. */
    public Optional<String> byMeaning(String pack, String meaning) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM pack_versions WHERE pack = ? AND "
                    + "(meaning = ? OR version = ?) ORDER BY version = ? DESC, first_seen LIMIT 1")) {
                s.setString(1, pack);
                s.setString(2, meaning);
                s.setString(3, meaning);
                s.setString(4, meaning);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Versions stored before meanings were kept, pack to versions: their meaning is still to be computed. */
    public Map<String, List<String>> withoutMeaning() throws SQLException {
        return db.read(c -> {
            Map<String, List<String>> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT pack, version FROM pack_versions WHERE meaning IS NULL");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
                }
            }
            return out;
        });
    }

    public void setMeaning(String pack, String version, String meaning) throws SQLException {
        update("UPDATE pack_versions SET meaning = ? WHERE pack = ? AND version = ?", meaning, pack, version);
    }

    /** Records whether a version graded; {@code reasons}: JSON, null when ok. */
    public void setStatus(String pack, String version, String status, String reasons) throws SQLException {
        update("UPDATE pack_versions SET status = ?, reasons = ? WHERE pack = ? AND version = ?", status, reasons,
                pack, version);
    }

    /** The status and reasons of a stored version, if stored. */
    public Optional<Version> version(String pack, String version) throws SQLException {
        return versions(pack).stream().filter(v -> v.version().equals(version)).findFirst();
    }

    private void update(String sql, String... args) throws SQLException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setString(i + 1, args[i]);
                }
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Versions of a pack, newest first. */
    public List<Version> versions(String pack) throws SQLException {
        return db.read(c -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT v.pack, v.version, v.first_seen, v.origin, "
                    + "v.created_by, v.published_at, v.published_by, a.version IS NOT NULL, v.status, v.reasons FROM pack_versions v "
                    + "LEFT JOIN active_packs a ON a.pack = v.pack AND a.version = v.version WHERE v.pack = ? "
                    + "ORDER BY v.first_seen DESC, v.rowid DESC")) {
                s.setString(1, pack);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Version(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7), r.getBoolean(8), r.getString(9),
                                r.getString(10), new ArrayList<>()));
                    }
                }
            }
            Map<String, List<Activation>> byVersion = new HashMap<>();
            for (Version v : out) {
                byVersion.put(v.version(), v.activations());
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT version, at, by, how FROM activations WHERE pack = ? ORDER BY id DESC")) {
                s.setString(1, pack);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        List<Activation> list = byVersion.get(r.getString(1));
                        if (list != null) {
                            list.add(new Activation(r.getString(2), r.getString(3), r.getString(4)));
                        }
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
