package govgrade.packs.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Evaluations share pooled threads: nothing of one (its interrupt, its name) reaches the next. */
class WorkerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void anInterruptedEvaluationLeavesTheNextOnItsThreadUninterruptedAndNamedForItself() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Thread> first = new AtomicReference<>();
        Worker w = Worker.start("rules-test-first", () -> {
            first.set(Thread.currentThread());
            started.countDown();
            // Ignores the interrupt, as a consequence that swallows it would, and ends on its own.
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        assertTrue(started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals("rules-test-first", first.get().getName());
        w.interrupt();
        assertTrue(w.awaitEnd(WAIT));
        assertFalse(w.running());

        // The freed thread goes back to waiting for work a moment after its evaluation ended: until
        // then the pool may start another. Evaluations follow until one lands on it; none is interrupted.
        boolean reused = false;
        for (int i = 0; i < 200 && !reused; i++) {
            AtomicReference<Thread> thread = new AtomicReference<>();
            AtomicBoolean interrupted = new AtomicBoolean(true);
            AtomicReference<String> name = new AtomicReference<>();
            Worker next = Worker.start("rules-test-next-" + i, () -> {
                thread.set(Thread.currentThread());
                interrupted.set(Thread.currentThread().isInterrupted());
                name.set(Thread.currentThread().getName());
            });
            assertTrue(next.awaitEnd(WAIT));
            assertFalse(interrupted.get(), "evaluation " + i + " on " + thread.get());
            assertEquals("rules-test-next-" + i, name.get());
            reused = thread.get() == first.get();
            Thread.sleep(5);
        }
        assertTrue(reused, "the interrupted evaluation's thread was never given another");
    }

    @Test
    void aWorkerThatNeverEndsKeepsItsThreadAndTheNextEvaluationGetsAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> stuck = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Worker w = Worker.start("rules-test-stuck", () -> {
            stuck.set(Thread.currentThread());
            started.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // ignored on purpose: a rule that does not stop
                }
            }
        });
        assertTrue(started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        w.interrupt();
        assertFalse(w.awaitEnd(Duration.ofMillis(200)));
        assertTrue(w.running());
        AtomicReference<Thread> other = new AtomicReference<>();
        Worker next = Worker.start("rules-test-other", () -> other.set(Thread.currentThread()));
        assertTrue(next.awaitEnd(WAIT));
        assertTrue(other.get() != stuck.get());
        release.countDown();
        assertTrue(w.awaitEnd(WAIT));
        assertFalse(w.running());
    }
}
