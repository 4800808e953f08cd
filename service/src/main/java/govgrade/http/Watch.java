package govgrade.http;

import govgrade.store.Audit;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * What lets an operator watch the server: the registry /metrics scrapes (its other meters are
 * bound by the composition root), the token /metrics asks for (null: none), and the browser
 * origins a dashboard may call from (empty: none; ["*"]: any); the audit log pack changes and
 * refused tokens are written to.
 */
public record Watch(PrometheusMeterRegistry meters, String metricsToken, List<String> corsOrigins, Audit audit) {
    public Watch {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
