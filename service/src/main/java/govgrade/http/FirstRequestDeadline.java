package govgrade.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;

/**
 * Closes a connection whose first request's headers are not complete within a deadline. The
 * idle timeout cannot: a client dripping a header byte a second is never idle, and Jetty has no
 * header deadline of its own. Headers are a few hundred bytes that any client sends at once.
 * A later request on a kept-alive connection is not covered; that dripper costs a connection
 * (bounded by the connection limit) but no thread.
 */
final class FirstRequestDeadline implements Connection.Listener {
    private final Connector connector;
    private final long millis;

    FirstRequestDeadline(Connector connector, Duration deadline) {
        this.connector = connector;
        this.millis = deadline.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        connector.getScheduler().schedule(() -> {
            // Jetty counts a request in once its headers are complete.
            if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
                connection.getEndPoint().close();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }
}
