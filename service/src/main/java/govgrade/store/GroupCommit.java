package govgrade.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes that arrive while another is being committed are committed together, in one transaction,
 * by whichever of their threads takes the writer next (no timer, no thread of its own: a write
 * alone goes straight through). On PostgreSQL that is one fsync for the group instead of one
 * each; on SQLite one WAL commit. Each write still answers only once its group has committed, so
 * no write is acknowledged before it is durable, and each runs inside a savepoint, so one that
 * fails is rolled back alone and only its caller sees the error.
 */
final class GroupCommit {
    /** A bound on one transaction: the writes past it wait for the next group, a commit later. */
    static final int MAX_GROUP = 64;

    /** Commits a group: completes every member, or fails each with its reason. */
    @FunctionalInterface
    interface Committer {
        void commit(List<Pending<?>> group);
    }

    /** One caller's write, and once its group is done, what it answers. */
    static final class Pending<T> {
        final Database.Work<T> work;
        private T value;
        private Throwable failure;
        private boolean done;

        Pending(Database.Work<T> work) {
            this.work = work;
        }

        void fail(Throwable t) {
            value = null;
            failure = t;
            done = true;
        }

        /** {@code v} is what this member's own work returned, so it is a T. */
        @SuppressWarnings("unchecked")
        void succeed(Object v) {
            value = (T) v;
            failure = null;
            done = true;
        }

        T outcome() throws SQLException {
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return value;
        }
    }

    private final ReentrantLock writer = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    private final Committer committer;

    GroupCommit(Committer committer) {
        this.committer = committer;
    }

    /** Runs {@code work} in the next group to commit and answers its own result or error. */
    <T> T write(Database.Work<T> work) throws SQLException {
        Pending<T> mine = new Pending<>(work);
        queue.add(mine);
        writer.lock();
        try {
            // Another thread's group may have taken this write along; done is set under this lock.
            while (!mine.done) {
                List<Pending<?>> group = new ArrayList<>();
                Pending<?> p;
                while (group.size() < MAX_GROUP && (p = queue.poll()) != null) {
                    group.add(p);
                }
                committer.commit(group);
            }
        } finally {
            writer.unlock();
        }
        return mine.outcome();
    }

    /** How many writes wait for the writer (tests watch a group form). */
    int waiting() {
        return queue.size();
    }

    /** Runs {@code action} with no write in progress (closing the store). */
    void exclusive(Runnable action) {
        writer.lock();
        try {
            action.run();
        } finally {
            writer.unlock();
        }
    }
}
