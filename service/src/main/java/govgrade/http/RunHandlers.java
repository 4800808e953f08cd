package govgrade.http;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.facts.Violation;
import govgrade.grading.GradedRun;
import govgrade.published.FiguresRejected;
import govgrade.published.PublishedFigures;
import govgrade.published.PublishedSheet;
import govgrade.published.Reconciler;
import govgrade.report.RunReport;
import govgrade.runs.RunService;
import govgrade.runs.WhatIfService;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The endpoints of runs: grading, reading back, what-if, reports and reconciling. HTTP in and out only. */
final class RunHandlers {
    private final RunService runs;
    private final WhatIfService whatIfs;
    private final Requests requests;

    RunHandlers(RunService runs, WhatIfService whatIfs, Requests requests) {
        this.runs = runs;
        this.whatIfs = whatIfs;
        this.requests = requests;
    }

    void grade(Context ctx) throws Exception {
        RunService.Graded g = runs.grade(requests.body(ctx), ctx.queryParam("pack"));
        ctx.header("Location", "/api/v1/runs/" + g.runId());
        Responses.json(ctx, 200, g.json());
    }

    void run(Context ctx) throws Exception {
        Responses.json(ctx, 200, runs.find(ctx.pathParam("run")).result());
    }

    void whatIf(Context ctx) throws Exception {
        String runId = ctx.pathParam("run");
        JsonNode req = requests.object(ctx, "{ \"pack\": ..., \"version\": ... }");
        String pack = Requests.text(req, "pack");
        String version = Requests.text(req, "version");
        Responses.json(ctx, 200, whatIfs.regrade(runId, pack, version).json());
    }

    void getWhatIf(Context ctx) throws Exception {
        Responses.json(ctx, 200, whatIfs.find(ctx.pathParam("whatif")).json());
    }

    void reconcile(Context ctx) throws Exception {
        GradedRun run = runs.read(ctx.pathParam("run"));
        PublishedFigures figures = published(ctx);
        if (figures.pack() != null && !figures.pack().equals(run.pack().id())) {
            throw ApiError.badRequest("pack_mismatch", "run " + ctx.pathParam("run") + " was graded with pack "
                    + run.pack().id() + "; these figures are pack " + figures.pack() + "'s", "pack");
        }
        Responses.json(ctx, 200, Reconciler.compare(run, figures));
    }

    /** What the circular published: an annex sheet as a file part, or the figures as JSON. */
    private PublishedFigures published(Context ctx) throws IOException {
        if (Requests.isMultipart(ctx)) {
            List<UploadedFile> files = parts(ctx);
            if (files.isEmpty()) {
                throw ApiError.badRequest("no_files", "send the circular's annex as an .xlsx file part", "$");
            }
            try (InputStream in = files.get(0).content()) {
                return PublishedSheet.read(in);
            } catch (IOException e) {
                throw ApiError.badRequest("invalid_file", e.getMessage(), null);
            }
        }
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(RunReport.CONTENT_TYPE)) {
            // The annex as the whole body: what a generated client sends, which cannot build a multipart form.
            try (InputStream in = new ByteArrayInputStream(requests.body(ctx))) {
                return PublishedSheet.read(in);
            } catch (IOException e) {
                throw ApiError.badRequest("invalid_file", e.getMessage(), null);
            }
        }
        try {
            return PublishedFigures.readJson(new ByteArrayInputStream(requests.body(ctx)));
        } catch (FiguresRejected e) {
            List<Violation> vs = e.violations();
            throw new ApiError(400, "invalid_request", "the published figures cannot be compared: " + vs.size()
                    + (vs.size() == 1 ? " mistake" : " mistakes") + "; the first at " + vs.get(0).path()
                    + ": expected " + vs.get(0).expected(), vs.get(0).path(), Map.of("violations", vs));
        } catch (IOException e) {
            throw ApiError.badRequest("invalid_request", "expected what the circular published, as "
                    + "{ \"results\": [ { \"id\", \"channel\", \"grade\" ... } ], \"summaries\": [...] }: "
                    + e.getMessage(), "$");
        }
    }

    /**
     * The file parts. A body that does not follow the boundary its Content-Type names (a client
     * that set one and sent another) fails inside Jetty's parser: 400 saying so, not a 500.
     */
    private List<UploadedFile> parts(Context ctx) {
        try {
            return requests.uploadedFiles(ctx);
        } catch (Exception e) {
            Exception read = ReadFailures.translate(e);
            if (read instanceof ApiError a && a.status != 400) {
                throw a; // too slow or too large: that limit is the answer
            }
            if (e instanceof ApiError a && !"invalid_request".equals(a.code)) {
                throw a;
            }
            throw ApiError.badRequest("invalid_multipart", "the multipart body cannot be read: its parts must be "
                    + "separated by the boundary its Content-Type names (" + ReadFailures.reason(e) + ")", "$");
        }
    }

    void runReport(Context ctx) throws Exception {
        String id = ctx.pathParam("run");
        try (RunReport report = RunReport.of(runs.read(id))) {
            Responses.xlsx(ctx, report, "run-" + id + ".xlsx");
        }
    }

    void whatIfReport(Context ctx) throws Exception {
        String id = ctx.pathParam("whatif");
        try (RunReport report = RunReport.ofWhatIf(whatIfs.find(id).whatIf())) {
            Responses.xlsx(ctx, report, "whatif-" + id + ".xlsx");
        }
    }
}
