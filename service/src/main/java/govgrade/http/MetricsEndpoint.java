package govgrade.http;

import govgrade.packs.catalog.PackCatalog;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /metrics, Prometheus text format. The packs' gauges are read from the catalog at each
 * scrape, so a pack added on disk since the start is counted too. With a metrics token set, a
 * scrape must carry it; without, the page is open, as scrapers expect: it holds counts and
 * times, no run id, subject, token or file.
 */
final class MetricsEndpoint {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry meters;
    private final byte[] token;
    private final PackCatalog catalog;
    private final MultiGauge active;
    private final MultiGauge refused;

    MetricsEndpoint(PrometheusMeterRegistry meters, String token, PackCatalog catalog) {
        this.meters = meters;
        this.token = token == null ? null : Roles.digest(token);
        this.catalog = catalog;
        this.active = MultiGauge.builder("govgrade.pack.active")
                .description("1 where the pack has an active version, 0 where none serves").register(meters);
        this.refused = MultiGauge.builder("govgrade.pack.refused.errors")
                .description("errors of the pack's files on disk, refused; 0 where they compile").register(meters);
    }

    void scrape(Context ctx) throws Exception {
        if (token != null) {
            String auth = ctx.header("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= 7) {
                throw new ApiError(401, "token_required", "this needs the metrics token: Authorization: Bearer <token>");
            }
            if (!MessageDigest.isEqual(token, Roles.digest(auth.substring(7).trim()))) {
                throw new ApiError(403, "token_rejected", "the token is wrong");
            }
        }
        List<MultiGauge.Row<?>> activeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> refusedRows = new ArrayList<>();
        for (String id : catalog.ids()) {
            activeRows.add(MultiGauge.Row.of(Tags.of("pack", id), catalog.activeVersion(id).isPresent() ? 1 : 0));
            refusedRows.add(MultiGauge.Row.of(Tags.of("pack", id), catalog.diskErrors(id).size()));
        }
        active.register(activeRows, true);
        refused.register(refusedRows, true);
        ctx.status(200).contentType(CONTENT_TYPE).result(meters.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
