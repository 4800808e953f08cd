package govgrade.runs;

import java.util.concurrent.Semaphore;

/**
 * At most one grading per core at a time, the rest waiting their turn in arrival order. Eight
 * gradings sharing two cores finish no sooner on average, but every runnable thread is one more
 * the JVM must bring to a safepoint (each GC phase, each periodic clean-up): under load, reaching
 * those took most of the pause time the profile showed, and the longest of them set the p99. A
 * waiting grading is parked, which is already safe. A turn covers CPU work only: whatever waits
 * (for a pack still compiling, for a commit) waits outside it.
 */
final class Admission {
    private final Semaphore turns;

    Admission(int atOnce) {
        this.turns = new Semaphore(atOnce, true);
    }

    /** One core's worth, as many as this machine has. */
    static Admission perCore() {
        return new Admission(Runtime.getRuntime().availableProcessors());
    }

    /** A turn, given back when closed. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for a turn, in arrival order. */
    Turn take() {
        turns.acquireUninterruptibly();
        return turns::release;
    }
}
