package govgrade.packs.bounds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker threads abandoned because their rules did not stop when their budget ran out, by pack
 * version. Java cannot stop a thread that ignores interruption, so such a worker keeps its core
 * busy for the life of the process; this tally is what keeps one bad version from taking every
 * core. It is kept for the whole JVM, not per service, because the threads are the JVM's: a second
 * service in the same process (tests) runs on the same cores. A worker that does end after all is
 * no longer counted.
 */
final class StuckWorkers {
    private static final Map<String, List<Worker>> BY_VERSION = new HashMap<>();

    private StuckWorkers() {
    }

    static synchronized void add(String version, Worker worker) {
        BY_VERSION.computeIfAbsent(version, v -> new ArrayList<>()).add(worker);
    }

    /** The workers of {@code version} still running after they were abandoned. */
    static synchronized int alive(String version) {
        List<Worker> workers = BY_VERSION.get(version);
        if (workers == null) {
            return 0;
        }
        workers.removeIf(w -> !w.running());
        if (workers.isEmpty()) {
            BY_VERSION.remove(version);
            return 0;
        }
        return workers.size();
    }
}
