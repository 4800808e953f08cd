package govgrade.packs.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

        // The freed thread goes back to waiting for work a moment after its evaluation ended. The pool
        // hands work to the thread that went idle last, and other tests leave idle threads too, so
        // one evaluation at a time might never land on it: evaluations are started together, held
        // until all run, in rounds of twice as many, until a round is larger than the idle threads.
        long until = System.nanoTime() + WAIT.toNanos();
        while (!(first.get().getName().startsWith("rules-idle-") && first.get().getState() == Thread.State.TIMED_WAITING)) {
            assertTrue(System.nanoTime() < until, "the freed thread never went back to the pool: " + first.get().getState());
            Thread.sleep(1);
        }
        boolean reused = false;
        for (int n = 1; n <= 512 && !reused; n *= 2) {
            CountDownLatch running = new CountDownLatch(n);
            CountDownLatch release = new CountDownLatch(1);
            List<Worker> round = new ArrayList<>();
            List<AtomicReference<Thread>> threads = new ArrayList<>();
            List<AtomicBoolean> interrupted = new ArrayList<>();
            List<AtomicReference<String>> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                AtomicReference<Thread> thread = new AtomicReference<>();
                AtomicBoolean wasInterrupted = new AtomicBoolean(true);
                AtomicReference<String> name = new AtomicReference<>();
                threads.add(thread);
                interrupted.add(wasInterrupted);
                names.add(name);
                round.add(Worker.start("rules-test-next-" + n + "-" + i, () -> {
                    thread.set(Thread.currentThread());
                    wasInterrupted.set(Thread.currentThread().isInterrupted());
                    name.set(Thread.currentThread().getName());
                    running.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        wasInterrupted.set(true);
                    }
                }));
            }
            assertTrue(running.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
            release.countDown();
            for (int i = 0; i < n; i++) {
                assertTrue(round.get(i).awaitEnd(WAIT));
                assertFalse(interrupted.get(i).get(), "evaluation " + n + "-" + i + " on " + threads.get(i).get());
                assertEquals("rules-test-next-" + n + "-" + i, names.get(i).get());
                reused |= threads.get(i).get() == first.get();
            }
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
