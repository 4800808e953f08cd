package govgrade.packs.catalog;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Each pack's sync from disk at start-up, as a task a worker runs; a pack is answered for only once
 * its task has run, and whoever asks first runs it (or waits for the worker running it).
 */
final class PackSyncs {
    /** A pack's sync. */
    interface Sync {
        void run() throws IOException, SQLException;
    }

    private final Map<String, FutureTask<Void>> tasks = new ConcurrentHashMap<>();

    Runnable add(String pack, Sync sync) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            sync.run();
            return null;
        });
        tasks.put(pack, task);
        return task;
    }

    void awaitAll() throws IOException, SQLException {
        for (String id : List.copyOf(tasks.keySet())) {
            await(id);
        }
    }

    /** Runs the pack's sync here if no worker has started it, else waits for it; a no-op once done. */
    void await(String pack) throws IOException, SQLException {
        FutureTask<Void> task = tasks.get(pack);
        if (task == null) {
            return;
        }
        task.run();
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pack " + pack + " was synced", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            } else if (c instanceof SQLException sql) {
                throw sql;
            } else if (c instanceof RuntimeException r) {
                throw r;
            } else if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** For lookups that cannot throw checked exceptions: a failed sync is a failure of the service. */
    void awaitUnchecked(String pack) {
        try {
            await(pack);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("pack " + pack + " could not be synced from disk: " + e.getMessage(), e);
        }
    }
}
