package govgrade.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@link ServerLimits} put into Jetty, in the one place Jetty is configured: what one client may
 * hold (a connection, a thread, a slow body), the JSON error pages, and the graceful stop.
 */
final class JettyLimits {
    /** A body is judged on its rate only after this: a first packet may be small and late. */
    private static final Duration RATE_GRACE = Duration.ofSeconds(2);
    /**
     * Bodies up to this are read into memory before a thread is taken, so a slow sender holds a
     * connection but no thread; past it the route reads the rest itself (as before).
     */
    private static final long EAGER_BYTES = 1L << 20;
    /**
     * Counted per chunk on top of its bytes: a retained chunk pins a whole network buffer, so a
     * sender of one-byte packets reaches the eager limit in pinned buffers, not in bytes.
     */
    private static final int CHUNK_OVERHEAD = 4096;
    /** The headers of a connection's first request must be complete within this. */
    static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);

    private JettyLimits() {
    }

    static void apply(JavalinConfig cfg, String host, int port, long maxBodyBytes, ServerLimits limits) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()), 60_000);
        threads.setName("http");
        cfg.jetty.threadPool = threads;
        cfg.jetty.timeoutStatus = 408;
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            connector.addEventListener(new FirstRequestDeadline(connector, HEADER_DEADLINE));
            return connector;
        });
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorPages());
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            // Stop: connectors stop accepting, GracefulHandler waits for requests in flight up to this.
            server.setStopTimeout(limits.shutdownGrace().toMillis());
            // Inserted innermost first: server, graceful, rate guard, eager body, then Javalin's own.
            server.insertHandler(new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(
                    Math.min(EAGER_BYTES, maxBodyBytes + 1), CHUNK_OVERHEAD, false)));
            server.insertHandler(new SlowBodyGuard(limits.minBytesPerSecond(), RATE_GRACE));
            server.insertHandler(new GracefulHandler());
        });
    }
}
