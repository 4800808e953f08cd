package govgrade.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

/**
 * The reading connections: up to a few at once, each read on one of its own, opened when first
 * needed and kept. One shared reader made every read (the earlier periods each grading looks up,
 * a run read back) queue behind the others; WAL on SQLite and MVCC on PostgreSQL let them run
 * side by side and beside the writer.
 */
final class Readers {
    /** Reads are short: more at once than the cores only holds more connections open. */
    static final int MAX = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final DataSource source;
    private final Semaphore permits = new Semaphore(MAX, true);
    private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    Readers(DataSource source) throws SQLException {
        this.source = source;
        idle.push(source.getConnection()); // opened now, so a store that cannot be read fails at start
    }

    /** A connection for one read; give it back with {@link #giveBack}, or {@link #discard} it. */
    Connection borrow() throws SQLException {
        permits.acquireUninterruptibly();
        Connection c = idle.pollFirst();
        if (c != null) {
            return c;
        }
        try {
            return source.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Most recently used first: the warm connections serve, the rest stay idle. */
    void giveBack(Connection c) {
        idle.push(c);
        permits.release();
    }

    /** A broken connection, closed and not reused. */
    void discard(Connection c) {
        Database.quietlyClose(c);
        permits.release();
    }

    /** Opens a replacement for a broken one, keeping its place (the permit stays taken). */
    Connection replace(Connection broken) throws SQLException {
        Database.quietlyClose(broken);
        return source.getConnection();
    }

    void close() throws SQLException {
        SQLException first = null;
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            try {
                c.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
