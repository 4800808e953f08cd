package govgrade.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store: one SQLite file in WAL mode (the default), or a PostgreSQL database that several
 * instances share; its schema kept by Flyway migrations (common SQL, then each database's own).
 * Writes go through one connection, one transaction each, serialised; reads use their own
 * connection, which runs beside a write (WAL on SQLite, MVCC on PostgreSQL).
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final String location;
    private final Path file;
    private final DataSource source;
    private Connection writer;
    private Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final LongConsumer writeNanos;

    private Database(String location, Path file, DataSource source, LongConsumer writeNanos) throws SQLException {
        this.location = location;
        this.file = file;
        this.source = source;
        this.writeNanos = writeNanos;
        this.writer = writerOf(source);
        this.reader = source.getConnection();
    }

    public static Database open(Path file) throws SQLException {
        return open(file, nanos -> { });
    }

    /**
     * {@code writeNanos}: told how long each write transaction took once it held the writer, for
     * the operator's metrics (the store imports nothing of the service, so no registry here).
     */
    public static Database open(Path file, LongConsumer writeNanos) throws SQLException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // WAL + NORMAL: durable at checkpoint, safe on crash
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        migrate(ds, "sqlite");
        return new Database(file.toString(), file, ds, writeNanos);
    }

    /** A PostgreSQL URL ({@link PostgresUrl}) or else a SQLite file's path. */
    public static Database open(String location, LongConsumer writeNanos) throws SQLException {
        if (!PostgresUrl.is(location)) {
            return open(Path.of(location), writeNanos);
        }
        DataSource ds = PostgresUrl.dataSource(location);
        migrate(ds, "postgresql");
        return new Database(PostgresUrl.withoutPassword(location), null, ds, writeNanos);
    }

    private static void migrate(DataSource ds, String vendor) {
        // The files under common/ and sqlite/ are the migrations SQLite files were made with, byte for byte:
        // Flyway checks each applied script's checksum, not the folder it came from.
        Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load().migrate();
    }

    private static Connection writerOf(DataSource source) throws SQLException {
        Connection c = source.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    /** The SQLite file; null on PostgreSQL. */
    public Path file() {
        return file;
    }

    /** Where the store is, for people: the file's path, or the URL without its password. */
    public String location() {
        return location;
    }

    public boolean postgres() {
        return file == null;
    }

    /** A connection of its own (for LISTEN on PostgreSQL), closed by the caller. */
    Connection connect() throws SQLException {
        return source.getConnection();
    }

    /**
     * Runs {@code work} in one transaction: all of it is written, or none. A connection found
     * broken (a PostgreSQL server restarted) is replaced and the work run once more on the new one:
     * broken before its commit, the old one wrote nothing. Broken during the commit, it may have
     * written all: the second try then meets its own rows (a run id stored, a version stored already).
     */
    public <T> T write(Work<T> work) throws SQLException {
        writeLock.lock();
        long start = System.nanoTime();
        try {
            try {
                return writeOnce(work);
            } catch (SQLException e) {
                if (!postgres() || valid(writer)) {
                    throw e;
                }
                quietlyClose(writer);
                writer = writerOf(source);
                return writeOnce(work);
            }
        } finally {
            writeLock.unlock();
            writeNanos.accept(System.nanoTime() - start);
        }
    }

    private <T> T writeOnce(Work<T> work) throws SQLException {
        try {
            T out = work.run(writer);
            writer.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            if (valid(writer)) {
                writer.rollback();
            }
            throw e;
        }
    }

    /** Runs {@code work} on the reading connection; as {@link #write}, once more on a new one if it was broken. */
    public <T> T read(Work<T> work) throws SQLException {
        readLock.lock();
        try {
            try {
                return work.run(reader);
            } catch (SQLException e) {
                if (!postgres() || valid(reader)) {
                    throw e;
                }
                quietlyClose(reader);
                reader = source.getConnection();
                return work.run(reader);
            }
        } finally {
            readLock.unlock();
        }
    }

    private static boolean valid(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already broken: nothing more to release.
        }
    }

    @Override
    public void close() throws SQLException {
        writeLock.lock();
        try {
            if (!postgres()) {
                try (Statement s = writer.createStatement()) {
                    // Fold the WAL back into the database file so a stopped service leaves one file.
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException ignored) {
                    // Closing still releases the file; the WAL is replayed on the next open.
                }
            }
            reader.close();
            writer.close();
        } finally {
            writeLock.unlock();
        }
    }
}
