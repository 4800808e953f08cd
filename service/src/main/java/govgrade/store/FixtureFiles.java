package govgrade.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fixtures a pack version is gated with, kept by the hash of the set: versions of a pack share
 * one set, and an instance with no fixtures on its disk reads them here.
 */
public final class FixtureFiles {
    private final Database db;

    public FixtureFiles(Database db) {
        this.db = db;
    }

    /**
     * Keeps the set {@code hash} ({@code files}: name in the pack's fixture folder to bytes) unless
     * kept already, and names it as the fixtures of the version; one transaction.
     */
    public void attach(String pack, String version, String hash, SortedMap<String, byte[]> files) throws SQLException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO fixture_files (fixtures, path, content) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (var f : files.entrySet()) {
                    s.setString(1, hash);
                    s.setString(2, f.getKey());
                    s.setBytes(3, f.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE pack_versions SET fixtures = ? WHERE pack = ? AND version = ?")) {
                s.setString(1, hash);
                s.setString(2, pack);
                s.setString(3, version);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The hash of the fixture set the version is gated with; empty when none is kept. */
    public Optional<String> of(String pack, String version) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT fixtures FROM pack_versions WHERE pack = ? AND version = ?")) {
                s.setString(1, pack);
                s.setString(2, version);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The files of a kept set, name to bytes; empty when no such set is kept. */
    public SortedMap<String, byte[]> files(String hash) throws SQLException {
        return db.read(c -> {
            SortedMap<String, byte[]> out = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT path, content FROM fixture_files WHERE fixtures = ?")) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getBytes(2));
                    }
                }
            }
            return out;
        });
    }
}
