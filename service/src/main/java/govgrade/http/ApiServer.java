package govgrade.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.facts.BatchRejected;
import govgrade.facts.Violation;
import govgrade.grading.ResultJson;
import govgrade.packs.catalog.PackCatalog;
import govgrade.packs.PackRejected;
import govgrade.packs.PackUnavailable;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.runs.RunService;
import govgrade.runs.UnknownRun;
import govgrade.runs.UnknownWhatIf;
import govgrade.runs.WhatIfService;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
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
    private static final ObjectMapper JSON = ResultJson.mapper();

    /** Validated once at start-up, then fixed. */
    public record Settings(String host, int port, long maxBodyBytes, String adminToken, Path fixtures) {
        public Settings {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not 0-65535");
            }
            if (maxBodyBytes < 1024) {
                throw new IllegalArgumentException("a body limit of " + maxBodyBytes + " bytes is too small");
            }
        }
    }

    private final Javalin app;
    private final Settings settings;

    public ApiServer(Settings settings, PackCatalog catalog, RunService runs, WhatIfService whatIfs) {
        this.settings = settings;
        AdminToken admin = new AdminToken(settings.adminToken());
        Handlers h = new Handlers(catalog, runs, whatIfs, admin, settings.maxBodyBytes(), settings.fixtures());
        Map<String, Handler> byRoute = new LinkedHashMap<>();
        byRoute.put("POST /api/v1/grade", h::grade);
        byRoute.put("GET /api/v1/runs/{run}", h::run);
        byRoute.put("POST /api/v1/runs/{run}/whatif", h::whatIf);
        byRoute.put("GET /api/v1/whatifs/{whatif}", h::getWhatIf);
        byRoute.put("GET /api/v1/runs/{run}/report.xlsx", h::runReport);
        byRoute.put("GET /api/v1/whatifs/{whatif}/report.xlsx", h::whatIfReport);
        byRoute.put("POST /api/v1/runs/{run}/reconcile", h::reconcile);
        byRoute.put("GET /api/v1/packs", h::packs);
        byRoute.put("GET /api/v1/packs/{pack}", h::pack);
        byRoute.put("GET /api/v1/packs/{pack}/versions", h::versions);
        byRoute.put("POST /api/v1/packs/{pack}/drafts", h::draft);
        byRoute.put("POST /api/v1/packs/{pack}/versions/{version}/publish", h::publish);
        byRoute.put("GET /api/v1/health", h::health);
        byRoute.put("GET /api/v1/openapi.json", h::openapi);
        this.app = Javalin.create(cfg -> {
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            cfg.http.defaultContentType = "application/json";
            cfg.jetty.multipartConfig.maxTotalRequestSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            cfg.startup.showJavalinBanner = false;
            for (Route r : Route.ALL) {
                Handler handler = byRoute.get(r.method() + " " + r.path());
                if (handler == null) {
                    throw new IllegalStateException("no handler for " + r);
                }
                cfg.routes.addHttpHandler(r.method().equals("GET") ? HandlerType.GET : HandlerType.POST, r.path(), handler);
            }
            errors(cfg.routes);
        });
        if (byRoute.size() != Route.ALL.size()) {
            throw new IllegalStateException("handlers without a route in Route.ALL");
        }
    }

    private static void errors(io.javalin.config.RoutesConfig routes) {
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
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), switch (e.getStatus()) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            default -> "http_" + e.getStatus();
        }, e.getMessage(), null, Map.of()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, "internal_error", "the service failed; the error is in its log", null, Map.of());
        });
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                send(ctx, 404, "not_found", "no endpoint " + ctx.method() + " " + ctx.path(), null, Map.of());
            }
        });
        routes.error(405, "*", ctx -> send(ctx, 405, "method_not_allowed",
                "endpoint " + ctx.path() + " does not take " + ctx.method(), null, Map.of()));
    }

    private static void send(Context ctx, int status, String code, String message, String path,
                             Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.put("path", path);
        body.putAll(extra);
        try {
            Handlers.json(ctx, status, JSON.writeValueAsBytes(body));
        } catch (Exception e) {
            ctx.status(500).result("{\"error\":\"internal_error\"}");
        }
    }

    public ApiServer start() {
        app.start(settings.host(), settings.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
