package govgrade.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Stored what-if answers, so one can be fetched again. */
public final class WhatIfs {
    private final Database db;

    public WhatIfs(Database db) {
        this.db = db;
    }

    public void save(String id, String runId, String pack, String version, byte[] response) throws SQLException {
        byte[] packed = Gzip.pack(response);
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO whatifs (id, run_id, pack, version, created_at, "
                    + "result) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, runId);
                s.setString(3, pack);
                s.setString(4, version);
                s.setString(5, Instant.now().toString());
                s.setBytes(6, packed);
                s.executeUpdate();
            }
            return null;
        });
    }

    public Optional<byte[]> find(String id) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT result FROM whatifs WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(Gzip.unpack(r.getBytes(1))) : Optional.empty();
                }
            }
        });
    }
}
