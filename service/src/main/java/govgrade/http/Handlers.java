package govgrade.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import com.fasterxml.jackson.databind.ObjectReader;
import govgrade.published.PackTests;
import govgrade.report.RunReport;
import govgrade.runs.WhatIf;
import java.io.ByteArrayOutputStream;
import govgrade.published.PublishedFigures;
import govgrade.published.PublishedSheet;
import govgrade.published.Reconciler;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import govgrade.packs.catalog.PackCatalog;
import govgrade.packs.PackError;
import govgrade.runs.RunService;
import govgrade.runs.WhatIfService;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The endpoints: read the request, call the core, write the answer. No grading happens here. */
final class Handlers {
    private static final ObjectMapper JSON = ResultJson.mapper();
    private static final String CONTENT_JSON = "application/json; charset=utf-8";
    private static final ObjectReader RUN_READER = ResultJson.mapper().readerFor(GradedRun.class)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final PackCatalog catalog;
    private final RunService runs;
    private final WhatIfService whatIfs;
    private final AdminToken admin;
    private final long maxBody;
    private final Path fixtures;

    Handlers(PackCatalog catalog, RunService runs, WhatIfService whatIfs, AdminToken admin, long maxBody,
             Path fixtures) {
        this.fixtures = fixtures;
        this.catalog = catalog;
        this.runs = runs;
        this.whatIfs = whatIfs;
        this.admin = admin;
        this.maxBody = maxBody;
    }

    void grade(Context ctx) throws Exception {
        RunService.Graded g = runs.grade(body(ctx), ctx.queryParam("pack"));
        ctx.header("Location", "/api/v1/runs/" + g.runId());
        json(ctx, 200, g.body());
    }

    void run(Context ctx) throws Exception {
        json(ctx, 200, runs.find(ctx.pathParam("run")).result());
    }

    void whatIf(Context ctx) throws Exception {
        String runId = ctx.pathParam("run");
        byte[] body = body(ctx);
        JsonNode req;
        try {
            req = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("invalid_request", "the body is not JSON: " + e.getOriginalMessage(), "$");
        }
        if (req == null || !req.isObject()) {
            throw ApiError.badRequest("invalid_request", "expected an object { \"pack\": ..., \"version\": ... }", "$");
        }
        String pack = text(req, "pack");
        String version = text(req, "version");
        if (pack == null) {
            pack = runs.find(runId).pack();
        }
        byte[] answer = whatIfs.regrade(runId, pack, version);
        json(ctx, 200, answer);
    }

    void reconcile(Context ctx) throws Exception {
        GradedRun run = RUN_READER.readValue(runs.find(ctx.pathParam("run")).result());
        PublishedFigures published;
        String type = ctx.contentType();
        if (type != null && type.toLowerCase().startsWith("multipart/form-data")) {
            if (ctx.contentLength() > maxBody) {
                throw ApiError.tooLarge(maxBody);
            }
            List<UploadedFile> files = uploadedFiles(ctx);
            if (files.isEmpty()) {
                throw ApiError.badRequest("no_files", "send the circular's annex as an .xlsx file part", "$");
            }
            try (InputStream in = files.get(0).content()) {
                published = PublishedSheet.read(in);
            } catch (IOException e) {
                throw ApiError.badRequest("invalid_file", e.getMessage(), null);
            }
        } else {
            try {
                published = PublishedFigures.readJson(new ByteArrayInputStream(body(ctx)));
            } catch (IOException e) {
                throw ApiError.badRequest("invalid_request", "expected what the circular published, as "
                        + "{ \"results\": [ { \"id\", \"channel\", \"grade\" ... } ], \"summaries\": [...] }: "
                        + e.getMessage(), "$");
            }
        }
        json(ctx, 200, JSON.writeValueAsBytes(Reconciler.compare(run, published)));
    }

    void runReport(Context ctx) throws Exception {
        String id = ctx.pathParam("run");
        GradedRun run = RUN_READER.readValue(runs.find(id).result());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunReport.write(run, out);
        xlsx(ctx, out.toByteArray(), "run-" + id + ".xlsx");
    }

    void whatIfReport(Context ctx) throws Exception {
        String id = ctx.pathParam("whatif");
        WhatIf w = ResultJson.mapper().readerFor(WhatIf.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readValue(whatIfs.find(id));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunReport.writeWhatIf(w, out);
        xlsx(ctx, out.toByteArray(), "whatif-" + id + ".xlsx");
    }

    private static void xlsx(Context ctx, byte[] body, String fileName) {
        ctx.status(200).contentType(RunReport.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").result(body);
    }

    void getWhatIf(Context ctx) throws Exception {
        json(ctx, 200, whatIfs.find(ctx.pathParam("whatif")));
    }

    void packs(Context ctx) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : catalog.ids()) {
            out.add(packStatus(id, false));
        }
        json(ctx, 200, JSON.writeValueAsBytes(out));
    }

    void pack(Context ctx) throws Exception {
        String id = ctx.pathParam("pack");
        catalog.versions(id); // 404 for an unknown pack
        json(ctx, 200, JSON.writeValueAsBytes(packStatus(id, true)));
    }

    private Map<String, Object> packStatus(String id, boolean withErrors) {
        List<PackError> errors = catalog.diskErrors(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("version", catalog.activeVersion(id).orElse(null));
        m.put("status", errors.isEmpty() ? "ok" : "error");
        if (withErrors) {
            m.put("errors", errors);
        } else {
            m.put("errorCount", errors.size());
        }
        return m;
    }

    void versions(Context ctx) throws Exception {
        json(ctx, 200, JSON.writeValueAsBytes(catalog.versions(ctx.pathParam("pack"))));
    }

    void draft(Context ctx) throws Exception {
        admin.check(ctx.header("Authorization"));
        String pack = ctx.pathParam("pack");
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw ApiError.badRequest("invalid_request", "send the changed files as multipart/form-data", "$");
        }
        if (ctx.contentLength() > maxBody) {
            throw ApiError.tooLarge(maxBody);
        }
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        for (UploadedFile f : uploadedFiles(ctx)) {
            try (InputStream in = f.content()) {
                String name = f.filename();
                String lower = name == null ? "" : name.toLowerCase();
                if (!lower.endsWith(".xlsx") && !lower.endsWith(".xls") && !lower.endsWith(".drl")) {
                    throw ApiError.badRequest("invalid_file", "file part \"" + name
                            + "\" is not a pack file; send .xlsx or .drl files", null);
                }
                uploads.put(name, in.readAllBytes());
            }
        }
        if (uploads.isEmpty()) {
            throw ApiError.badRequest("no_files", "the request carries no .xlsx or .drl file part", "$");
        }
        PackCatalog.Draft d = catalog.draft(pack, uploads, actor(ctx));
        PackTests.Outcome tests = PackTests.run(catalog.version(pack, d.version()), fixtures);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.pack());
        out.put("version", d.version());
        out.put("status", "draft");
        out.put("alreadyStored", d.existed());
        out.put("changedFiles", d.files());
        // Criteria do change, so a draft that alters a published figure may still be published; it says so.
        out.put("changesPublishedFigures", tests.changesPublishedFigures());
        out.put("tests", Map.of("summary", tests.summary(), "fixtures", tests.fixtures(), "figures", tests.figures(),
                "reproduced", tests.reproduced(), "knownDifferences", tests.knownDifferences(),
                "changed", tests.changed()));
        json(ctx, d.existed() ? 200 : 201, JSON.writeValueAsBytes(out));
    }

    /**
     * The multipart parts; a body past the limit without a declared length is stopped by Jetty's
     * multipart limit, which is the client's doing: 413, not 500.
     */
    private List<UploadedFile> uploadedFiles(Context ctx) {
        try {
            return ctx.uploadedFiles();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage()).toLowerCase();
                if (m.contains("exceed") || m.contains("too large") || m.contains("max")) {
                    throw ApiError.tooLarge(maxBody);
                }
            }
            throw ApiError.badRequest("invalid_request", "the multipart body cannot be read: " + e.getMessage(), "$");
        }
    }

    void publish(Context ctx) throws Exception {
        admin.check(ctx.header("Authorization"));
        String pack = ctx.pathParam("pack");
        String version = ctx.pathParam("version");
        catalog.publish(pack, version, actor(ctx));
        json(ctx, 200, JSON.writeValueAsBytes(Map.of("id", pack, "version", version, "status", "active")));
    }

    void health(Context ctx) throws Exception {
        Map<String, Object> packs = new LinkedHashMap<>();
        for (String id : catalog.ids()) {
            packs.put(id, catalog.activeVersion(id).orElse(null));
        }
        json(ctx, 200, JSON.writeValueAsBytes(Map.of("status", "ok", "packs", packs)));
    }

    void openapi(Context ctx) throws IOException {
        try (InputStream in = Handlers.class.getResourceAsStream("/openapi.json")) {
            json(ctx, 200, in.readAllBytes());
        }
    }

    /** Who changes a pack: the X-Actor header where the caller names a person, else "admin". */
    private static String actor(Context ctx) {
        String a = ctx.header("X-Actor");
        return a == null || a.isBlank() ? "admin" : a.trim();
    }

    /** The body, refused with 413 past the limit, whether or not the client declared its length. */
    private byte[] body(Context ctx) throws IOException {
        if (ctx.contentLength() > maxBody) {
            throw ApiError.tooLarge(maxBody);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            if (b.length > maxBody) {
                throw ApiError.tooLarge(maxBody);
            }
            return b;
        }
    }

    private static String text(JsonNode req, String field) {
        JsonNode n = req.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw ApiError.badRequest("invalid_request", field + ": expected a non-empty string", field);
        }
        return n.asText();
    }

    static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(CONTENT_JSON).result(body);
    }

}
