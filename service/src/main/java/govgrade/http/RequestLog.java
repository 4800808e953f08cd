package govgrade.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request, once it is answered: one log line (method, path, status, milliseconds, role,
 * request id) and its time in the metrics by route and status. The route is the template
 * (/api/v1/runs/{run}), never the path, so a client cannot grow the metrics by inventing paths.
 */
final class RequestLog implements RequestLogger {
    private static final Logger LOG = LoggerFactory.getLogger("govgrade.requests");
    private static final String ID = "govgrade.requestId";
    static final String HEADER = "X-Request-Id";
    /** A caller's own id is kept when it is this plain: it goes into log lines as it is. */
    private static final Pattern CALLERS_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom IDS = new SecureRandom();

    private final MeterRegistry meters;
    private final Roles roles;

    RequestLog(MeterRegistry meters, Roles roles) {
        this.meters = meters;
        this.roles = roles;
    }

    /** Before anything else: the request's id, the caller's where it sent a plain one, echoed in the answer. */
    static void assignId(Context ctx) {
        String id = ctx.header(HEADER);
        if (id == null || !CALLERS_ID.matcher(id).matches()) {
            byte[] b = new byte[8];
            IDS.nextBytes(b);
            id = HexFormat.of().formatHex(b);
        }
        ctx.attribute(ID, id);
        ctx.header(HEADER, id);
    }

    @Override
    public void handle(Context ctx, Float ms) {
        String route = route(ctx);
        int status = ctx.statusCode();
        long nanos = (long) (ms * 1_000_000.0);
        Timer.builder("http.server.requests").description("requests answered, by route template and status")
                .tag("method", ctx.method().name()).tag("route", route).tag("status", String.valueOf(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(meters).record(Duration.ofNanos(nanos));
        String id = ctx.attribute(ID);
        LOG.info("{} {} {} {}ms role={} id={}", ctx.method().name(), ctx.path(), status, Math.round(ms),
                roles.nameOf(ctx.header("Authorization")), id == null ? "-" : id);
    }

    private static String route(Context ctx) {
        try {
            Endpoint e = ctx.endpoints().matchedHttpEndpoint();
            return e == null ? "unmatched" : e.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
