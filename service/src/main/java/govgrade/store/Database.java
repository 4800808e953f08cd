package govgrade.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file in WAL mode, its schema kept by Flyway migrations. Writes go through one
 * connection, one transaction each, serialised; reads use their own connection, which WAL lets
 * run beside a write.
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final LongConsumer writeNanos;

    private Database(Path file, Connection writer, Connection reader, LongConsumer writeNanos) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.writeNanos = writeNanos;
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
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        Connection writer = ds.getConnection();
        writer.setAutoCommit(false);
        Connection reader = ds.getConnection();
        return new Database(file, writer, reader, writeNanos);
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one transaction: all of it is written, or none. */
    public <T> T write(Work<T> work) throws SQLException {
        writeLock.lock();
        long start = System.nanoTime();
        try {
            try {
                T out = work.run(writer);
                writer.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } finally {
            writeLock.unlock();
            writeNanos.accept(System.nanoTime() - start);
        }
    }

    public <T> T read(Work<T> work) throws SQLException {
        readLock.lock();
        try {
            return work.run(reader);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void close() throws SQLException {
        writeLock.lock();
        try {
            try (Statement s = writer.createStatement()) {
                // Fold the WAL back into the database file so a stopped service leaves one file.
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException ignored) {
                // Closing still releases the file; the WAL is replayed on the next open.
            }
            reader.close();
            writer.close();
        } finally {
            writeLock.unlock();
        }
    }
}
