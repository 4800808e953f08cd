package govgrade.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Gradings take turns: no more at once than the turns allow, the waiting ones in the order they came. */
class AdmissionTest {
    @Test
    void aThirdGradingWaitsForATurnAndTheWaitingGoInArrivalOrder() throws Exception {
        Admission admission = new Admission(2);
        Admission.Turn first = admission.take();
        Admission.Turn second = admission.take();
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        for (String name : List.of("third", "fourth", "fifth")) {
            Thread t = new Thread(() -> {
                try (Admission.Turn turn = admission.take()) {
                    order.add(name);
                }
                done.countDown();
            });
            t.start();
            // Each queued before the next starts, so arrival order is known.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(Thread.State.WAITING, t.getState(), name + " waits while both turns are taken");
        }
        assertTrue(order.isEmpty(), "no grading runs while both turns are taken");
        // One turn comes free: the three pass through it one after another, first come first served.
        first.close();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("third", "fourth", "fifth"), order);
        second.close();
    }
}
