package govgrade.packs.bounds;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One evaluation running on a thread of its own, named for it while it runs. The threads are
 * kept between evaluations (a pool that grows with what runs at once and lets idle threads go
 * after a minute) rather than started for each: a thread started per graded request, with
 * everything Drools keeps per thread made again, cost about a millisecond of CPU, a tenth of a
 * county batch graded over HTTP. A worker that never ends keeps its thread; the pool starts
 * another for the next evaluation, so an abandoned worker holds a core exactly as before.
 */
final class Worker {
    private static final AtomicLong POOLED = new AtomicLong();
    private static final ThreadPoolExecutor THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
            TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "rules-idle-" + POOLED.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private final String name;
    private final CountDownLatch ended = new CountDownLatch(1);
    /** The thread while the evaluation runs on it; null before and after, so a late interrupt hits nothing else. */
    private Thread thread;
    private boolean over;

    private Worker(String name) {
        this.name = name;
    }

    /** Runs {@code evaluation} on a pooled thread named {@code name}; it must catch what it throws. */
    static Worker start(String name, Runnable evaluation) {
        Worker w = new Worker(name);
        THREADS.execute(() -> w.run(evaluation));
        return w;
    }

    private void run(Runnable evaluation) {
        Thread me = Thread.currentThread();
        String idle = me.getName();
        synchronized (this) {
            if (over) {
                ended.countDown();
                return; // interrupted before it began: nothing to evaluate
            }
            thread = me;
        }
        me.setName(name);
        try {
            evaluation.run();
        } finally {
            synchronized (this) {
                thread = null;
                over = true;
            }
            // An interrupt that came while the evaluation ran must not reach the next one on this thread.
            Thread.interrupted();
            me.setName(idle);
            ended.countDown();
        }
    }

    String name() {
        return name;
    }

    /** Interrupts the evaluation if it is running; one not yet begun never begins. */
    synchronized void interrupt() {
        if (thread != null) {
            thread.interrupt();
        } else {
            over = true;
        }
    }

    /** True once the evaluation has ended (or never began), waiting up to {@code grace} for it. */
    boolean awaitEnd(Duration grace) throws InterruptedException {
        return ended.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Still running its evaluation (abandoned workers are counted while this holds). */
    boolean running() {
        return ended.getCount() > 0;
    }
}
