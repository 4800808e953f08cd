package govgrade.http;

import govgrade.facts.BatchRejected;
import govgrade.facts.Violation;
import govgrade.factsheets.CellViolation;
import govgrade.factsheets.SheetRejected;
import govgrade.jobs.JobService;
import govgrade.jobs.JobTooLarge;
import govgrade.jobs.UnknownJob;
import govgrade.packs.PackRejected;
import govgrade.packs.PackUnavailable;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.packs.catalog.CodeChangeRefused;
import govgrade.packs.catalog.PackCatalog;
import govgrade.packs.catalog.UploadRefused;
import govgrade.packs.catalog.VersionRefused;
import govgrade.published.DraftReview;
import govgrade.runs.OtherPack;
import govgrade.runs.RunService;
import govgrade.runs.StoredBatchInvalid;
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
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    public record Services(PackCatalog catalog, RunService runs, WhatIfService whatIfs, DraftReview drafts,
                           JobService jobs) {
    }

    private final Javalin app;

    /** The bearer tokens of the three roles; null or blank where a role has none (see {@link Roles}). */
    public record Tokens(String author, String editor, String grader) {
    }

    /**
     * Builds the routes without listening yet. The composition root has validated the settings:
     * {@code port} 0 takes any free port; a token per role (rule author, criteria editor, grader),
     * the author's null switching pack changes off.
     */
    public ApiServer(String host, int port, long maxBodyBytes, Tokens tokens, ServerLimits limits,
                     Services services, Watch watch) {
        Requests requests = new Requests(maxBodyBytes);
        RunHandlers run = new RunHandlers(services.runs(), services.whatIfs(), requests);
        Roles roles = new Roles(tokens.author(), tokens.editor(), tokens.grader());
        AuditTrail audit = new AuditTrail(watch.audit(), roles);
        PackHandlers pack = new PackHandlers(services.catalog(), services.drafts(), roles, requests, audit);
        Map<String, Handler> byRoute = new LinkedHashMap<>();
        FactsHandlers facts = new FactsHandlers(services.catalog(), services.runs(), requests, maxBodyBytes);
        byRoute.put("POST /api/v1/grade", grading(roles, ctx -> {
            if (Requests.isMultipart(ctx) || FactsHandlers.isWorkbookBody(ctx)) {
                facts.grade(ctx);
            } else {
                run.grade(ctx);
            }
        }));
        byRoute.put("GET /api/v1/runs/{run}", run::run);
        RunListing listing = new RunListing(services.runs());
        byRoute.put("GET /api/v1/runs", ctx -> {
            roles.reader(ctx.header("Authorization"));
            listing.list(ctx);
        });
        byRoute.put("POST /api/v1/runs/{run}/whatif", grading(roles, run::whatIf));
        byRoute.put("GET /api/v1/whatifs/{whatif}", run::getWhatIf);
        byRoute.put("GET /api/v1/runs/{run}/report.xlsx", run::runReport);
        byRoute.put("GET /api/v1/whatifs/{whatif}/report.xlsx", run::whatIfReport);
        byRoute.put("POST /api/v1/runs/{run}/reconcile", grading(roles, run::reconcile));
        byRoute.put("GET /api/v1/packs", pack::packs);
        byRoute.put("GET /api/v1/packs/{pack}", pack::pack);
        byRoute.put("GET /api/v1/packs/{pack}/versions", pack::versions);
        byRoute.put("GET /api/v1/packs/{pack}/facts-template.xlsx", facts::template);
        byRoute.put("POST /api/v1/packs/{pack}/drafts", pack::draft);
        byRoute.put("POST /api/v1/packs/{pack}/versions/{version}/publish", pack::publish);
        byRoute.put("GET /api/v1/health", new Health(services.catalog(), services.runs())::answer);
        byRoute.put("GET /api/v1/openapi.json", ApiServer::openapi);
        MetricsEndpoint metrics = new MetricsEndpoint(watch.meters(), watch.metricsToken(), services.catalog());
        byRoute.put("GET /metrics", metrics::scrape);
        byRoute.put("GET /api/v1/audit", audit::list);
        byRoute.put("GET /api/v1/packs/{pack}/versions/{version}/workbook.xlsx",
                new PackWorkbook(services.catalog())::download);
        JobHandlers jobs = new JobHandlers(services.jobs(), requests);
        byRoute.put("POST /api/v1/jobs", grading(roles, jobs::create));
        byRoute.put("GET /api/v1/jobs/{job}", jobs::job);
        byRoute.put("GET /api/v1/jobs", ctx -> {
            roles.reader(ctx.header("Authorization"));
            jobs.list(ctx);
        });
        RequestLog requestLog = new RequestLog(watch.meters(), roles);
        this.app = Javalin.create(cfg -> {
            cfg.http.maxRequestSize = maxBodyBytes;
            cfg.http.defaultContentType = "application/json";
            cfg.jetty.multipartConfig.maxTotalRequestSize(maxBodyBytes, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(maxBodyBytes, SizeUnit.BYTES);
            cfg.startup.showJavalinBanner = false;
            JettyLimits.apply(cfg, host, port, maxBodyBytes, limits);
            cfg.router.javaLangErrorHandler((res, error) -> fatal(res, error));
            cfg.requestLogger.http(requestLog);
            cfg.routes.before(RequestLog::assignId);
            Cors.allow(cfg, watch.corsOrigins());
            Workbench.serve(cfg);
            for (Route r : Route.ALL) {
                Handler handler = byRoute.get(r.method() + " " + r.path());
                if (handler == null) {
                    throw new IllegalStateException("no handler for " + r);
                }
                cfg.routes.addHttpHandler(r.method().equals("GET") ? HandlerType.GET : HandlerType.POST, r.path(), ReadFailures.translated(handler));
            }
            errors(cfg.routes, watch.meters(), audit);
        });
        if (byRoute.size() != Route.ALL.size()) {
            throw new IllegalStateException("handlers without a route in Route.ALL");
        }
    }

    /** A route that grades: with a grader token configured, only a holder of a token may call it. */
    private static Handler grading(Roles roles, Handler handler) {
        return ctx -> {
            roles.grader(ctx.header("Authorization"));
            handler.handle(ctx);
        };
    }

    private static void errors(RoutesConfig routes, MeterRegistry meters, AuditTrail audit) {
        routes.exception(ApiError.class, (e, ctx) -> {
            if (e.code.equals("token_rejected") || e.code.equals("role_forbidden")) {
                audit.refused(ctx);
            }
            Map<String, Object> extra = new LinkedHashMap<>(e.extra);
            send(ctx, e.status, e.code, e.getMessage(), e.path, extra);
        });
        routes.exception(BatchRejected.class, (e, ctx) -> {
            List<Violation> vs = e.violations();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("violations", vs);
            if (e.more() > 0) {
                extra.put("more", e.more());
            }
            // The message names the first mistake's place and what was expected, not the value: the
            // value is echoed once, in violations.
            String first = vs.isEmpty() ? "" : "; the first at " + vs.get(0).path() + ": expected " + vs.get(0).expected();
            long count = vs.size() + e.more();
            send(ctx, e.overLimit() ? 413 : 400, e.overLimit() ? "batch_over_limit" : "invalid_batch",
                    (e.overLimit() ? "the batch is over a limit: " : "the batch cannot be graded: ") + count
                            + (count == 1 ? " mistake" : " mistakes") + first, vs.isEmpty() ? null : vs.get(0).path(),
                    extra);
        });
        routes.exception(SheetRejected.class, (e, ctx) -> {
            List<CellViolation> vs = e.violations();
            String first = vs.isEmpty() ? "" : "；第一处在 " + vs.get(0).path() + "：应为 " + vs.get(0).expected();
            long count = vs.size() + e.more();
            send(ctx, e.overLimit() ? 413 : 400, e.overLimit() ? "batch_over_limit" : "invalid_batch",
                    (e.overLimit() ? "工作簿超出限制 (the workbook is over a limit): " : "工作簿有误，无法评分 (the workbook "
                            + "cannot be graded): ") + count + " 处" + first, vs.isEmpty() ? null : vs.get(0).path(),
                    FactsHandlers.extra(e));
        });
        routes.exception(UnknownPack.class, (e, ctx) -> send(ctx, 404, "unknown_pack", e.getMessage(), "pack", Map.of()));
        routes.exception(UnknownVersion.class,
                (e, ctx) -> send(ctx, 404, "unknown_version", e.getMessage(), "version", Map.of()));
        routes.exception(UnknownRun.class, (e, ctx) -> send(ctx, 404, "unknown_run", e.getMessage(), null, Map.of()));
        routes.exception(OtherPack.class, (e, ctx) -> send(ctx, 400, "pack_mismatch", e.getMessage(), "pack", Map.of()));
        routes.exception(StoredBatchInvalid.class, (e, ctx) -> send(ctx, 409, "stored_batch_invalid", e.getMessage(),
                null, Map.of("violations", e.violations())));
        routes.exception(UnknownWhatIf.class,
                (e, ctx) -> send(ctx, 404, "unknown_whatif", e.getMessage(), null, Map.of()));
        routes.exception(UnknownJob.class, (e, ctx) -> send(ctx, 404, "unknown_job", e.getMessage(), null, Map.of()));
        routes.exception(JobTooLarge.class, (e, ctx) -> send(ctx, 413, "job_over_limit", e.getMessage(), "period",
                Map.of()));
        routes.exception(PackUnavailable.class,
                (e, ctx) -> send(ctx, 409, "pack_unavailable", e.getMessage(), "pack", Map.of()));
        routes.exception(PackRejected.class, (e, ctx) -> send(ctx, 400, "pack_rejected",
                "the pack does not compile with these files: " + e.errors().size() + " error(s)", null,
                Map.of("errors", e.errors())));
        routes.exception(UploadRefused.class, (e, ctx) -> send(ctx, 400, "invalid_file", e.getMessage(), null,
                Map.of()));
        routes.exception(CodeChangeRefused.class, (e, ctx) -> send(ctx, 403, "code_change_forbidden", e.getMessage(),
                null, Map.of("errors", List.of(e.where()))));
        routes.exception(VersionRefused.class, (e, ctx) -> send(ctx, 422, "version_refused", "version "
                + e.version() + " of pack " + e.pack() + " cannot grade its pack tests, so it is refused: "
                + e.errors().size() + " error(s)", null, Map.of("version", e.version(), "errors", e.errors())));
        routes.exception(EvaluationFailed.class, (e, ctx) -> {
            meters.counter("govgrade.evaluation.bounds", "pack", e.pack(), "kind",
                    e.kind().name().toLowerCase(Locale.ROOT)).increment();
            evaluationFailed(e, ctx);
        });
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
     * A pack's rules that failed or exceeded a bound: the pack's fault, not the client's and not the
     * service's, so neither 400 nor 500. Out of time (or refused for workers that never stopped) is
     * 503, as it may pass; a rule that threw or fired without end fails the same way every time: 422.
     */
    private static void evaluationFailed(EvaluationFailed e, Context ctx) {
        // The pack's author needs to hear of it, and may not be the client who got the answer.
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        Map<String, Object> extra = new LinkedHashMap<>();
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("id", e.pack());
        pack.put("version", e.version());
        extra.put("pack", pack);
        extra.put("rule", e.rule());
        extra.put("limit", e.limit());
        extra.put("flag", e.flag());
        if (e.transientFailure()) {
            send(ctx, 503, "grading_timeout", e.getMessage(), null, extra);
        } else {
            send(ctx, 422, "pack_failed", e.getMessage(), null, extra);
        }
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
