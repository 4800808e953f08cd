package govgrade.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Stored what-if answers, so one can be fetched again. */
public final class WhatIfs {
    private final Database db;
    private final Packing packing;

    /** New answers in zstd. */
    public WhatIfs(Database db) {
        this(db, StoreCodec.ZSTD);
    }

    /** New answers in {@code codec}; answers in either are read. */
    public WhatIfs(Database db, StoreCodec codec) {
        this.db = db;
        this.packing = Packing.writing(codec);
    }

    public void save(String id, String runId, String pack, String version, byte[] response) throws SQLException {
        byte[] packed = packing.packed(response);
        db.write(c -> {
            insert(c, id, runId, pack, version, packed);
            return null;
        });
    }

    /** Writes a what-if, its answer packed already, inside a transaction of the caller's (a job item's too). */
    static void insert(Connection c, String id, String runId, String pack, String version, byte[] packed)
            throws SQLException {
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
    }

    public Optional<byte[]> find(String id) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT result FROM whatifs WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(Packing.unpack(r.getBytes(1))) : Optional.empty();
                }
            }
        });
    }
}
