package govgrade.http;

import govgrade.facts.BatchRejected;
import govgrade.facts.Violation;
import govgrade.packs.PackRejected;
import govgrade.packs.PackUnavailable;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.packs.catalog.PackCatalog;
import govgrade.published.DraftReview;
import govgrade.runs.RunService;
import govgrade.runs.UnknownRun;
import govgrade.runs.UnknownWhatIf;
import govgrade.runs.WhatIfService;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP service: the routes of {@link Route#ALL} over the core services, with every error
 * answered as JSON {error, message, path}. Built from its dependencies so tests start it on a
 * real loopback port.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** What the server answers for: the core services it calls. */
    public record Services(PackCatalog catalog, RunService runs, WhatIfService whatIfs, DraftReview drafts) {
    }

    private final Javalin app;

    /**
     * Builds the routes without listening yet. The composition root has validated the settings:
     * {@code port} 0 takes any free port, {@code adminToken} null switches pack changes off.
     */
    public ApiServer(String host, int port, long maxBodyBytes, String adminToken, ServerLimits limits,
                     Services services) {
        Requests requests = new Requests(maxBodyBytes);
        RunHandlers run = new RunHandlers(services.runs(), services.whatIfs(), requests);
        PackHandlers pack = new PackHandlers(services.catalog(), services.drafts(), new AdminToken(adminToken), requests);
        Map<String, Handler> byRoute = new LinkedHashMap<>();
        byRoute.put("POST /api/v1/grade", run::grade);
        byRoute.put("GET /api/v1/runs/{run}", run::run);
        byRoute.put("POST /api/v1/runs/{run}/whatif", run::whatIf);
        byRoute.put("GET /api/v1/whatifs/{whatif}", run::getWhatIf);
        byRoute.put("GET /api/v1/runs/{run}/report.xlsx", run::runReport);
        byRoute.put("GET /api/v1/whatifs/{whatif}/report.xlsx", run::whatIfReport);
        byRoute.put("POST /api/v1/runs/{run}/reconcile", run::reconcile);
        byRoute.put("GET /api/v1/packs", pack::packs);
        byRoute.put("GET /api/v1/packs/{pack}", pack::pack);
        byRoute.put("GET /api/v1/packs/{pack}/versions", pack::versions);
        byRoute.put("POST /api/v1/packs/{pack}/drafts", pack::draft);
        byRoute.put("POST /api/v1/packs/{pack}/versions/{version}/publish", pack::publish);
        byRoute.put("GET /api/v1/health", pack::health);
        byRoute.put("GET /api/v1/openapi.json", ApiServer::openapi);
        this.app = Javalin.create(cfg -> {
            cfg.http.maxRequestSize = maxBodyBytes;
            cfg.http.defaultContentType = "application/json";
            cfg.jetty.multipartConfig.maxTotalRequestSize(maxBodyBytes, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(maxBodyBytes, SizeUnit.BYTES);
            cfg.startup.showJavalinBanner = false;
            JettyLimits.apply(cfg, host, port, maxBodyBytes, limits);
            cfg.router.javaLangErrorHandler((res, error) -> fatal(res, error));
            for (Route r : Route.ALL) {
                Handler handler = byRoute.get(r.method() + " " + r.path());
                if (handler == null) {
                    throw new IllegalStateException("no handler for " + r);
                }
                cfg.routes.addHttpHandler(r.method().equals("GET") ? HandlerType.GET : HandlerType.POST, r.path(), ReadFailures.translated(handler));
            }
            errors(cfg.routes);
        });
        if (byRoute.size() != Route.ALL.size()) {
            throw new IllegalStateException("handlers without a route in Route.ALL");
        }
    }

    private static void errors(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> {
            Map<String, Object> extra = new LinkedHashMap<>(e.extra);
            send(ctx, e.status, e.code, e.getMessage(), e.path, extra);
        });
        routes.exception(BatchRejected.class, (e, ctx) -> {
            List<Violation> vs = e.violations();
            send(ctx, 400, "invalid_batch", e.getMessage(), vs.isEmpty() ? null : vs.get(0).path(),
                    Map.of("violations", vs));
        });
        routes.exception(UnknownPack.class, (e, ctx) -> send(ctx, 404, "unknown_pack", e.getMessage(), "pack", Map.of()));
        routes.exception(UnknownVersion.class,
                (e, ctx) -> send(ctx, 404, "unknown_version", e.getMessage(), "version", Map.of()));
        routes.exception(UnknownRun.class, (e, ctx) -> send(ctx, 404, "unknown_run", e.getMessage(), null, Map.of()));
        routes.exception(UnknownWhatIf.class,
                (e, ctx) -> send(ctx, 404, "unknown_whatif", e.getMessage(), null, Map.of()));
        routes.exception(PackUnavailable.class,
                (e, ctx) -> send(ctx, 409, "pack_unavailable", e.getMessage(), "pack", Map.of()));
        routes.exception(PackRejected.class, (e, ctx) -> send(ctx, 400, "pack_rejected",
                "the pack does not compile with these files: " + e.errors().size() + " error(s)", null,
                Map.of("errors", e.errors())));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(),
                ApiError.codeOf(e.getStatus()), e.getMessage(), null, Map.of()));
        routes.exception(Exception.class, (e, ctx) -> Responses.json(ctx, 500, Failures.logged(ctx.method().name(),
                ctx.path(), e)));
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                send(ctx, 404, "not_found", "no endpoint " + ctx.method() + " " + ctx.path(), null, Map.of());
            }
        });
        routes.error(405, "*", ctx -> send(ctx, 405, "method_not_allowed",
                "endpoint " + ctx.path() + " does not take " + ctx.method(), null, Map.of()));
    }

    /**
     * An Error (out of memory, a stack overflow) escapes Javalin's exception mappers: it still gets
     * a JSON 500 with the id of its log line, written straight to the servlet response.
     */
    private static void fatal(HttpServletResponse res, Throwable error) {
        byte[] body = Failures.logged("-", "-", error);
        try {
            res.setStatus(500);
            res.setContentType(Responses.CONTENT_JSON);
            res.getOutputStream().write(body);
        } catch (IOException | RuntimeException e) {
            LOG.debug("the 500 could not be written: {}", e.toString());
        }
    }

    private static void send(Context ctx, int status, String code, String message, String path,
                             Map<String, Object> extra) {
        Responses.error(ctx, status, code, message, path, extra);
    }

    /** The maintained description, a resource of the jar (OpenApiTest holds it to the routes). */
    private static void openapi(Context ctx) throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream("/openapi.json")) {
            Responses.json(ctx, 200, in.readAllBytes());
        }
    }

    public ApiServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
