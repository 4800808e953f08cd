package govgrade.packs;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What a hostile rule does, as test code the rules of a test-made rule base call: the allow-list
 * refuses these names in a real pack, so the tests of the bounds reach them only through rule
 * bases they build themselves, never through a pack's files.
 */
public final class Hostile {
    private static volatile boolean released;

    private Hostile() {
    }

    /** Sleeps as a slow consequence would; an interruption ends it, as it ends well-behaved code. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while sleeping", e);
        }
    }

    /**
     * Never returns until {@link #release()}, and ignores interruption: a consequence that loops
     * without end, which Java cannot stop. It parks rather than spins, to spare the test machine.
     */
    public static void hang() {
        while (!released) {
            Thread.interrupted();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Lets every {@link #hang()} return, now and later. */
    public static void release() {
        released = true;
    }

    /** The heap running out inside a consequence, without filling the test JVM's heap to get there. */
    public static void exhaustHeap() {
        throw new OutOfMemoryError("Java heap space (thrown by a test rule)");
    }

    /** A rule reading a value it cannot use, as a 5.5 in a whole-number cell does. */
    public static void fail() {
        throw new IllegalStateException("parameter staleDays is 5.5 but a rule needs a whole number");
    }

    /** The same, read in a rule's condition rather than its consequence. */
    public static int failingValue() {
        fail();
        return 0;
    }
}
