package govgrade.http;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Fails the body of a request that arrives slower than a minimum rate, so a client dripping a
 * byte at a time cannot hold a connection (and, once its body is handed on, a thread) for long.
 * Jetty 12 keeps {@code HttpConfiguration.setMinRequestDataRate} but no longer enforces it; its
 * {@code MinimumDataRateHandler} measures from the first byte with no grace, so a body whose first
 * packet is small (a client's first write, a lost segment) would be failed at once. This one
 * measures from the first demand and judges only after a grace period.
 */
final class SlowBodyGuard extends Handler.Wrapper {
    private final long minBytesPerSecond;
    private final long graceNanos;

    SlowBodyGuard(long minBytesPerSecond, Duration grace) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        return next.handle(minBytesPerSecond > 0 ? new Metered(request) : request, response, callback);
    }

    /** The rate is checked when the reader asks for more: that is when a slow body makes it wait. */
    private final class Metered extends Request.Wrapper {
        private long firstDemand;
        private long bytes;
        private Content.Chunk failure;

        Metered(Request wrapped) {
            super(wrapped);
        }

        @Override
        public void demand(Runnable demandCallback) {
            long now = NanoTime.now();
            if (firstDemand == 0) {
                firstDemand = now == 0 ? 1 : now;
            }
            long elapsed = NanoTime.elapsed(firstDemand, now);
            if (failure == null && elapsed > graceNanos && bytes * 1_000_000_000L < minBytesPerSecond * elapsed) {
                failure = Content.Chunk.from(new TimeoutException("the body arrived at " + bytes
                        + " bytes in " + elapsed / 1_000_000 + " ms, slower than " + minBytesPerSecond
                        + " bytes a second"), true);
            }
            if (failure != null) {
                demandCallback.run();
                return;
            }
            super.demand(demandCallback);
        }

        @Override
        public Content.Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                bytes += chunk.remaining();
            }
            return chunk;
        }
    }
}
