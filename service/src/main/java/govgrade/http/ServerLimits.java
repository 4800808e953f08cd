package govgrade.http;

import java.time.Duration;

/**
 * How much of the server one client may hold, and how long a stop waits: validated here, then
 * fixed. Each limit names the serve flag that changes it, so a refusal can say which to raise.
 *
 * @param idleTimeout       a connection that sends and receives nothing this long is closed
 *                          ({@code --idle-timeout-s})
 * @param minBytesPerSecond a request body arriving slower than this (after a short grace) is cut
 *                          off with 408 ({@code --min-data-rate})
 * @param maxConnections    connections open at once; past it the server stops accepting until
 *                          one closes ({@code --max-connections})
 * @param maxThreads        request threads; bodies are read before a thread is taken, so slow
 *                          senders do not hold these ({@code --max-threads})
 * @param shutdownGrace     how long a stop lets requests in flight finish ({@code --shutdown-grace-s})
 */
public record ServerLimits(Duration idleTimeout, int minBytesPerSecond, int maxConnections, int maxThreads,
                           Duration shutdownGrace) {

    /**
     * Slow enough for a batch sent over a poor county line, fast enough that a client dripping a
     * byte a second is cut off within seconds; 1,000 connections stay well inside the usual file
     * limit; 250 threads is Javalin's own default.
     */
    public static ServerLimits defaults() {
        return new ServerLimits(Duration.ofSeconds(30), 512, 1000, 250, Duration.ofSeconds(20));
    }

    public ServerLimits {
        require(idleTimeout != null && idleTimeout.toMillis() >= 1000,
                "idle timeout " + idleTimeout + " must be at least one second (--idle-timeout-s)");
        require(minBytesPerSecond >= 0, "minimum data rate " + minBytesPerSecond
                + " must be 0 (off) or more bytes a second (--min-data-rate)");
        require(maxConnections >= 8, "max connections " + maxConnections + " must be at least 8 (--max-connections)");
        require(maxThreads >= 8 && maxThreads <= 10_000,
                "max threads " + maxThreads + " must be 8-10000 (--max-threads)");
        require(shutdownGrace != null && !shutdownGrace.isNegative(),
                "shutdown grace " + shutdownGrace + " must be zero or more (--shutdown-grace-s)");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
