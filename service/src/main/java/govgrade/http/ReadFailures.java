package govgrade.http;

import io.javalin.http.Handler;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;

/**
 * A request body that fails while a route reads it is the client's doing: a bad chunk size, a
 * body cut short, one too slow (idle timeout, minimum rate). Jetty reports these as the route's
 * IOException; left alone they were 500s (or Javalin's empty timeout answer). Here they become
 * the 400 or 408 they are, with Jetty's reason.
 */
final class ReadFailures {
    private ReadFailures() {
    }

    static Handler translated(Handler route) {
        return ctx -> {
            try {
                route.handle(ctx);
            } catch (Exception e) {
                throw translate(e);
            }
        };
    }

    /** The innermost message of a failure, cut short: what the parser said, without its wrappers. */
    static String reason(Throwable e) {
        String said = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                said = t.getMessage();
            }
        }
        return said == null ? e.getClass().getSimpleName() : said.length() > 200 ? said.substring(0, 200) + "..." : said;
    }

    static Exception translate(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return new ApiError(http.getCode(), ApiError.codeOf(http.getCode()), "the request cannot be read: "
                        + http.getReason(), null, Map.of());
            }
            // Jetty's read failures are IOExceptions caused by a TimeoutException (Javalin tests the same).
            if (t instanceof IOException && t.getCause() instanceof TimeoutException timeout) {
                return new ApiError(408, "request_timeout", "the request body did not arrive in time: "
                        + (timeout.getMessage() == null ? "timed out" : timeout.getMessage()) + " (serve --idle-timeout-s and --min-data-rate set the limits)",
                        null, Map.of());
            }
        }
        return e;
    }
}
