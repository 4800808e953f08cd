package govgrade.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store: one SQLite file in WAL mode (the default), or a PostgreSQL database that several
 * instances share; its schema kept by Flyway migrations (common SQL, then each database's own).
 * Writes go through one connection, serialised, writes that arrive together committed as one
 * transaction ({@link GroupCommit}); reads use connections of their own ({@link Readers}), which
 * run beside each other and beside a write (WAL on SQLite, MVCC on PostgreSQL).
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
    private final Readers readers;
    private final GroupCommit groups = new GroupCommit(this::commit);
    private final LongConsumer writeNanos;

    private Database(String location, Path file, DataSource source, LongConsumer writeNanos) throws SQLException {
        this.location = location;
        this.file = file;
        this.source = source;
        this.writeNanos = writeNanos;
        this.writer = writerOf(source);
        this.readers = new Readers(source);
    }

    public static Database open(Path file) throws SQLException {
        return open(file, nanos -> { });
    }

    /**
     * {@code writeNanos}: told how long each write transaction took once it held the writer, for
     * the operator's metrics (the store imports nothing of the service, so no registry here).
     */
    public static Database open(Path file, LongConsumer writeNanos) throws SQLException {
        return open(file, writeNanos, null);
    }

    /**
     * {@code schemaMark}: a file where a start notes the schema Flyway left, so the next start over the same
     * history and scripts skips Flyway ({@link SchemaMark}); null: Flyway runs at every open.
     */
    private static Database open(Path file, LongConsumer writeNanos, Path schemaMark) throws SQLException {
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
        migrate(ds, "sqlite", schemaMark);
        return new Database(file.toString(), file, ds, writeNanos);
    }

    /** A PostgreSQL URL ({@link PostgresUrl}) or else a SQLite file's path. */
    public static Database open(String location, LongConsumer writeNanos) throws SQLException {
        return open(location, writeNanos, null);
    }

    /** As {@link #open(String, LongConsumer)}, skipping Flyway when {@code schemaMark} holds (null: never). */
    public static Database open(String location, LongConsumer writeNanos, Path schemaMark) throws SQLException {
        if (!PostgresUrl.is(location)) {
            return open(Path.of(location), writeNanos, schemaMark);
        }
        DataSource ds = PostgresUrl.dataSource(location);
        migrate(ds, "postgresql", schemaMark);
        return new Database(PostgresUrl.withoutPassword(location), null, ds, writeNanos);
    }

    private static void migrate(DataSource ds, String vendor, Path schemaMark) {
        // The files under common/ and sqlite/ are the migrations SQLite files were made with, byte for byte:
        // Flyway checks each applied script's checksum, not the folder it came from.
        List<String> locations = List.of("db/migration/common", "db/migration/" + vendor);
        SchemaMark mark = schemaMark == null ? null : new SchemaMark(schemaMark, locations);
        if (mark != null && mark.holds(ds)) {
            return;
        }
        Flyway.configure().dataSource(ds)
                .locations(locations.stream().map(l -> "classpath:" + l).toArray(String[]::new))
                .load().migrate();
        if (mark != null) {
            mark.record(ds);
        }
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
     * Runs {@code work} in one transaction: all of it is written, or none; answered once it is
     * committed. Writes that arrive together share the transaction, each in a savepoint of its own
     * ({@link GroupCommit}). A connection found broken (a PostgreSQL server restarted) is replaced
     * and the group run once more on the new one: broken before its commit, the old one wrote
     * nothing. Broken during the commit, it may have written all: the second try then meets its
     * own rows (a run id stored, a version stored already).
     */
    public <T> T write(Work<T> work) throws SQLException {
        return groups.write(work);
    }

    /** How many writes wait for the writer. */
    int waitingWrites() {
        return groups.waiting();
    }

    /** Commits {@code group} (the writer is held): each member completed or failed. */
    private void commit(List<GroupCommit.Pending<?>> group) {
        long start = System.nanoTime();
        try {
            List<GroupCommit.Pending<?>> left = group;
            boolean reconnected = false;
            while (!left.isEmpty()) {
                Lost lost = attempt(left);
                if (lost == null) {
                    return;
                }
                if (postgres() && !reconnected && !valid(writer)) {
                    reconnected = true;
                    quietlyClose(writer);
                    try {
                        writer = writerOf(source);
                        continue;
                    } catch (SQLException e) {
                        left.forEach(p -> p.fail(e));
                        return;
                    }
                }
                if (lost.culprit() == null) {
                    left.forEach(p -> p.fail(lost.reason()));
                    return;
                }
                // Its error ended the whole transaction (SQLite may roll back on its own): it fails, the rest go again.
                lost.culprit().fail(lost.reason());
                List<GroupCommit.Pending<?>> rest = new ArrayList<>(left);
                rest.remove(lost.culprit());
                left = rest;
            }
        } finally {
            writeNanos.accept(System.nanoTime() - start);
        }
    }

    /** Why a group's transaction was lost, and whose write was running (null: the commit). */
    private record Lost(Throwable reason, GroupCommit.Pending<?> culprit) {
    }

    /** One transaction over {@code members}: null once committed (each member completed), else why not. */
    private Lost attempt(List<GroupCommit.Pending<?>> members) {
        Object[] values = new Object[members.size()];
        Throwable[] failures = new Throwable[members.size()];
        GroupCommit.Pending<?> running = null;
        try {
            for (int i = 0; i < members.size(); i++) {
                running = members.get(i);
                Savepoint mark = writer.setSavepoint();
                try {
                    values[i] = running.work.run(writer);
                    writer.releaseSavepoint(mark);
                } catch (SQLException | RuntimeException | Error e) {
                    writer.rollback(mark); // throws if the database ended the transaction itself
                    failures[i] = e;
                }
            }
            running = null;
            writer.commit();
        } catch (SQLException | RuntimeException | Error e) {
            if (valid(writer)) {
                try {
                    writer.rollback();
                } catch (SQLException ignored) {
                    // Nothing was committed either way; the reason reported is the first error.
                }
            }
            return new Lost(e, running);
        }
        for (int i = 0; i < members.size(); i++) {
            if (failures[i] != null) {
                members.get(i).fail(failures[i]);
            } else {
                members.get(i).succeed(values[i]);
            }
        }
        return null;
    }

    /** Runs {@code work} on a reading connection of its own; as {@link #write}, once more on a new one if it was broken. */
    public <T> T read(Work<T> work) throws SQLException {
        Connection c = readers.borrow();
        try {
            T out;
            try {
                out = work.run(c);
            } catch (SQLException e) {
                if (!postgres() || valid(c)) {
                    throw e;
                }
                c = readers.replace(c);
                out = work.run(c);
            }
            readers.giveBack(c);
            return out;
        } catch (SQLException | RuntimeException | Error e) {
            if (valid(c)) {
                readers.giveBack(c);
            } else {
                readers.discard(c);
            }
            throw e;
        }
    }

    private static boolean valid(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already broken: nothing more to release.
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException[] failed = new SQLException[1];
        groups.exclusive(() -> {
            if (!postgres()) {
                try (Statement s = writer.createStatement()) {
                    // Fold the WAL back into the database file so a stopped service leaves one file.
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException ignored) {
                    // Closing still releases the file; the WAL is replayed on the next open.
                }
            }
            try {
                readers.close();
                writer.close();
            } catch (SQLException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }
}
