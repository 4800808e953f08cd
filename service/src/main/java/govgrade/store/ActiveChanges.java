package govgrade.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an instance when another instance over the same store may have changed an active pack
 * version. On PostgreSQL an activation notifies {@link #CHANNEL} as it commits and a connection of
 * its own listens, so the news takes milliseconds; the check also runs every {@code poll}, which
 * is all a SQLite file shared by two processes gets, and what covers a notification lost while
 * the listening connection was down.
 */
public final class ActiveChanges implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveChanges.class);
    /** The PostgreSQL channel an activation notifies; the payload is the pack. */
    static final String CHANNEL = "govgrade_active";

    /** Compares what the store holds active with what the instance serves; may throw, is called again. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private final Database db;
    private final String channel;
    private final Duration poll;
    private final Check check;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile Connection listening;

    private ActiveChanges(Database db, String channel, Duration poll, Check check) {
        this.db = db;
        this.channel = channel;
        this.poll = poll;
        this.check = check;
        this.thread = new Thread(this::loop, channel.equals(CHANNEL) ? "active-changes" : channel);
        thread.setDaemon(true);
    }

    public static ActiveChanges start(Database db, Duration poll, Check check) {
        return start(db, CHANNEL, poll, check);
    }

    /** As {@link #start(Database, Duration, Check)}, listening on another channel (the job workers' {@link Jobs#CHANNEL}). */
    public static ActiveChanges start(Database db, String channel, Duration poll, Check check) {
        ActiveChanges changes = new ActiveChanges(db, channel, poll, check);
        changes.thread.start();
        return changes;
    }

    private void loop() {
        while (open) {
            try {
                waitForNews();
            } catch (SQLException e) {
                if (open) {
                    LOG.warn("listening on {} at {}: {}; polling every {} ms until it is back",
                            channel, db.location(), e.getMessage(), poll.toMillis());
                }
                drop();
                sleep();
            } catch (InterruptedException e) {
                return;
            }
            if (!open) {
                return;
            }
            try {
                check.run();
            } catch (Exception e) {
                LOG.warn("checking the store after news on {}: {}", channel, e.toString());
            }
        }
    }

    /** Returns on a notification or after {@code poll}, whichever comes first. */
    private void waitForNews() throws SQLException, InterruptedException {
        if (!db.postgres()) {
            Thread.sleep(poll.toMillis());
            return;
        }
        if (listening == null) {
            Connection c = db.connect();
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + channel);
            }
            listening = c;
        }
        listening.unwrap(PGConnection.class).getNotifications((int) poll.toMillis());
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drop() {
        Connection c = listening;
        listening = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Broken already: a new one is opened on the next turn.
            }
        }
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        drop();
        try {
            thread.join(poll.toMillis() + 2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
