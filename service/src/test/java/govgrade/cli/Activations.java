package govgrade.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The versions one pack was made active with, in order, each with when its publish was sent and
 * when it was answered (System.nanoTime). A version may grade a request that overlaps the time from
 * its publish being sent to the next publish's answer plus the time an activation takes to reach
 * every instance: before its answer the commit may already be seen, and after the next one's answer
 * an instance that has not heard of it yet still grades with it.
 */
final class Activations {
    record Activation(String version, long sent, long answered) {
    }

    private final List<Activation> list = new CopyOnWriteArrayList<>();
    private final long reachNanos;

    Activations(String initial, long reachNanos) {
        this.reachNanos = reachNanos;
        list.add(new Activation(initial, Long.MIN_VALUE, Long.MIN_VALUE));
    }

    void published(String version, long sent, long answered) {
        list.add(new Activation(version, sent, answered));
    }

    int publishes() {
        return list.size() - 1;
    }

    Activation last() {
        return list.get(list.size() - 1);
    }

    /** Whether {@code version} was active, or still on its way out, at some time in [start, end]. */
    boolean couldGrade(String version, long start, long end) {
        for (int i = 0; i < list.size(); i++) {
            Activation a = list.get(i);
            long until = i + 1 < list.size() ? list.get(i + 1).answered() + reachNanos : Long.MAX_VALUE;
            if (a.version().equals(version) && a.sent() <= end && start <= until) {
                return true;
            }
        }
        return false;
    }
}
