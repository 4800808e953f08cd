package govgrade.app;

import java.time.Duration;

/**
 * This instance's share of the jobs (README "Long work: jobs").
 *
 * @param workers how many items this instance works on at once; 0: it takes no job work (it still
 *                makes and answers jobs)
 * @param lease   how long a claimed item stays this instance's without a renewal; renewed every
 *                third of it, so an item is taken again about a lease after its instance died
 * @param poll    how often idle workers look for items, besides PostgreSQL's notifications
 */
public record JobSettings(int workers, Duration lease, Duration poll) {
    public static final int DEFAULT_WORKERS = 1;
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);
    static final int MAX_WORKERS = 64;
    static final Duration MIN_LEASE = Duration.ofMillis(300);
    static final Duration MAX_LEASE = Duration.ofHours(1);

    public JobSettings {
        if (workers < 0 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("job workers: " + workers + " must be 0 to " + MAX_WORKERS
                    + " (--job-workers; 0 takes no job work)");
        }
        if (lease == null || lease.compareTo(MIN_LEASE) < 0 || lease.compareTo(MAX_LEASE) > 0) {
            throw new IllegalArgumentException("job lease: " + (lease == null ? "none" : lease.toMillis() + " ms")
                    + " must be " + MIN_LEASE.toMillis() + " ms to " + MAX_LEASE.toMinutes() + " minutes (--job-lease-ms)");
        }
        if (poll == null || poll.compareTo(StoreSettings.MIN_POLL) < 0 || poll.compareTo(StoreSettings.MAX_POLL) > 0) {
            throw new IllegalArgumentException("job poll: " + (poll == null ? "none" : poll.toMillis() + " ms")
                    + " must be " + StoreSettings.MIN_POLL.toMillis() + " ms to " + StoreSettings.MAX_POLL.toMinutes()
                    + " minutes (--job-poll-ms)");
        }
    }

    /** One worker, a 15 s lease, a look every 2 s. */
    public static JobSettings defaults() {
        return new JobSettings(DEFAULT_WORKERS, DEFAULT_LEASE, DEFAULT_POLL);
    }
}
