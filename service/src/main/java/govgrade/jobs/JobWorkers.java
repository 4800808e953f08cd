package govgrade.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import govgrade.grading.ResultJson;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.runs.OtherPack;
import govgrade.runs.StoredBatchInvalid;
import govgrade.runs.UnknownRun;
import govgrade.runs.WhatIf;
import govgrade.runs.WhatIfService;
import govgrade.store.ActiveChanges;
import govgrade.store.Database;
import govgrade.store.Jobs;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's share of the jobs: {@code workers} threads that each claim one item at a time
 * from the store, do it (a what-if or a new run, under the service's budgets) and store its
 * result with the item. A thread of its own renews the leases of the items in hand every third of
 * a lease, so only an instance that stopped (killed, frozen, cut from the store) loses its items
 * to the others. Idle workers wake on a job's notification (PostgreSQL) or every {@code poll}.
 */
public final class JobWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);

    private final Jobs jobs;
    private final WhatIfService whatIfs;
    private final String instance;
    private final long leaseMs;
    private final Duration poll;
    private final Semaphore news = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReferenceArray<Jobs.Claim> inHand;
    private final Thread renewer;
    private ActiveChanges listener;
    private volatile boolean open = true;

    private JobWorkers(Jobs jobs, WhatIfService whatIfs, String instance, int workers, Duration lease, Duration poll) {
        this.jobs = jobs;
        this.whatIfs = whatIfs;
        this.instance = instance;
        this.leaseMs = lease.toMillis();
        this.poll = poll;
        this.inHand = new AtomicReferenceArray<>(workers);
        for (int k = 0; k < workers; k++) {
            int slot = k;
            Thread t = new Thread(() -> work(slot), "job-worker-" + k);
            t.setDaemon(true);
            threads.add(t);
        }
        this.renewer = new Thread(this::renew, "job-leases");
        renewer.setDaemon(true);
    }

    /** Starts {@code workers} threads (none: this instance does no job work) naming themselves {@code instance}. */
    public static JobWorkers start(Database db, Jobs jobs, WhatIfService whatIfs, String instance, int workers,
                                   Duration lease, Duration poll) {
        JobWorkers w = new JobWorkers(jobs, whatIfs, instance, workers, lease, poll);
        if (workers > 0) {
            w.threads.forEach(Thread::start);
            w.renewer.start();
            w.listener = ActiveChanges.start(db, Jobs.CHANNEL, poll, () -> w.news.release(workers));
        }
        return w;
    }

    /** The name this instance's items are claimed and done under. */
    public String instance() {
        return instance;
    }

    private void work(int slot) {
        while (open) {
            try {
                List<Jobs.Claim> claims = jobs.claimable(now()) ? jobs.claim(instance, 1, now(), leaseMs) : List.of();
                if (claims.isEmpty()) {
                    news.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                Jobs.Claim claim = claims.get(0);
                inHand.set(slot, claim);
                try {
                    doItem(claim);
                } finally {
                    inHand.set(slot, null);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // The store is away (a restart, a cut connection): claimed items come back when their lease runs out.
                LOG.warn("job worker {}: {}", instance, e.toString());
                sleep();
            }
        }
    }

    private void doItem(Jobs.Claim claim) throws Exception {
        boolean stored;
        try {
            if (claim.kind().equals(JobRequest.WHATIF)) {
                WhatIfService.Prepared p = whatIfs.prepare(claim.runId(), claim.pack(), claim.version());
                stored = jobs.doneWhatIf(claim, instance, now(), p.id(), p.pack(), p.json(),
                        summary(p.whatIf().changes().size(), p.whatIf().grades()));
            } else {
                WhatIfService.NewRun n = whatIfs.asNewRun(claim.runId(), claim.version());
                stored = jobs.doneRun(claim, instance, now(), n.runId(), n.pack(), n.periodFrom(), n.periodTo(),
                        n.batch(), n.json(), n.rows(), summary(-1, n.grades()));
            }
        } catch (StoredBatchInvalid e) {
            stored = jobs.fail(claim, instance, now(), "stored_batch_invalid", e.getMessage(), true);
        } catch (UnknownRun | OtherPack | UnknownPack | UnknownVersion | PackRejected e) {
            stored = jobs.fail(claim, instance, now(), code(e), e.getMessage(), true);
        } catch (EvaluationFailed e) {
            // Out of time may pass on another try; a rule that threw fails the same way every time.
            stored = jobs.fail(claim, instance, now(), e.transientFailure() ? "grading_timeout" : "pack_failed",
                    e.getMessage(), !e.transientFailure());
        } catch (RuntimeException e) {
            LOG.warn("job {} item {} (run {}): {}", claim.job(), claim.seq(), claim.runId(), e.toString());
            stored = jobs.fail(claim, instance, now(), "item_failed", e.toString(), false);
        }
        if (!stored) {
            LOG.info("job {} item {}: the lease ran out and another instance has it; this result is dropped",
                    claim.job(), claim.seq());
        }
    }

    private static String code(Exception e) {
        if (e instanceof UnknownRun) {
            return "unknown_run";
        }
        if (e instanceof OtherPack) {
            return "pack_mismatch";
        }
        if (e instanceof UnknownVersion) {
            return "unknown_version";
        }
        return e instanceof UnknownPack ? "unknown_pack" : "pack_rejected";
    }

    private static String summary(int changes, WhatIf.Grades grades) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (changes >= 0) {
            m.put("changes", changes);
        }
        m.put("before", grades.before());
        m.put("after", grades.after());
        try {
            return ResultJson.mapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every third of a lease: a lease missed once still holds; lost, the worker's result will be refused. */
    private void renew() {
        while (open) {
            try {
                Thread.sleep(Math.max(1, leaseMs / 3));
            } catch (InterruptedException e) {
                return;
            }
            for (int k = 0; k < inHand.length(); k++) {
                Jobs.Claim claim = inHand.get(k);
                if (claim == null) {
                    continue;
                }
                try {
                    if (!jobs.renew(claim, instance, now(), leaseMs)) {
                        LOG.warn("job {} item {}: lease lost while working on it", claim.job(), claim.seq());
                    }
                } catch (Exception e) {
                    LOG.warn("renewing the lease of job {} item {}: {}", claim.job(), claim.seq(), e.toString());
                }
            }
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops claiming and waits a lease for the items in hand; one not finished by then is left to
     * its lease, and another instance claims it when the lease runs out.
     */
    @Override
    public void close() {
        open = false;
        if (listener != null) {
            listener.close();
        }
        news.release(threads.size());
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(leaseMs);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        renewer.interrupt();
    }
}
