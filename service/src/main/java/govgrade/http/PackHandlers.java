package govgrade.http;

import govgrade.packs.PackError;
import govgrade.packs.catalog.PackCatalog;
import govgrade.published.DraftReview;
import govgrade.published.PackTests;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The endpoints of packs: status, versions, drafts, publishing, and health. HTTP in and out only. */
final class PackHandlers {
    private final PackCatalog catalog;
    private final DraftReview drafts;
    private final AdminToken admin;
    private final Requests requests;

    PackHandlers(PackCatalog catalog, DraftReview drafts, AdminToken admin, Requests requests) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.admin = admin;
        this.requests = requests;
    }

    void packs(Context ctx) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : catalog.ids()) {
            out.add(status(id, false));
        }
        Responses.json(ctx, 200, out);
    }

    void pack(Context ctx) throws Exception {
        String id = ctx.pathParam("pack");
        catalog.versions(id); // 404 for an unknown pack
        Responses.json(ctx, 200, status(id, true));
    }

    /** The list gives a count of errors, a pack's own page the errors themselves. */
    private Map<String, Object> status(String id, boolean withErrors) {
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
        Responses.json(ctx, 200, catalog.versions(ctx.pathParam("pack")));
    }

    void draft(Context ctx) throws Exception {
        admin.check(ctx.header("Authorization"));
        String pack = ctx.pathParam("pack");
        if (!Requests.isMultipart(ctx)) {
            throw ApiError.badRequest("invalid_request", "send the changed files as multipart/form-data", "$");
        }
        DraftReview.Reviewed r = drafts.draft(pack, uploads(ctx), Requests.actor(ctx));
        PackTests.Outcome tests = r.tests();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.draft().pack());
        out.put("version", r.draft().version());
        out.put("status", "draft");
        out.put("alreadyStored", r.draft().existed());
        out.put("changedFiles", r.draft().files());
        // Criteria do change, so a draft that alters a published figure may still be published; it says so.
        out.put("changesPublishedFigures", tests.changesPublishedFigures());
        out.put("tests", Map.of("summary", tests.summary(), "fixtures", tests.fixtures(), "figures", tests.figures(),
                "reproduced", tests.reproduced(), "knownDifferences", tests.knownDifferences(),
                "changed", tests.changed()));
        Responses.json(ctx, r.draft().existed() ? 200 : 201, out);
    }

    /** The pack files of a draft request, by file name; anything else is refused before compiling. */
    private Map<String, byte[]> uploads(Context ctx) throws Exception {
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        for (UploadedFile f : requests.uploadedFiles(ctx)) {
            try (InputStream in = f.content()) {
                String name = f.filename();
                String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
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
        return uploads;
    }

    void publish(Context ctx) throws Exception {
        admin.check(ctx.header("Authorization"));
        String pack = ctx.pathParam("pack");
        String version = ctx.pathParam("version");
        catalog.publish(pack, version, Requests.actor(ctx));
        Responses.json(ctx, 200, Map.of("id", pack, "version", version, "status", "active"));
    }

    void health(Context ctx) throws Exception {
        Map<String, Object> packs = new LinkedHashMap<>();
        for (String id : catalog.ids()) {
            packs.put(id, catalog.activeVersion(id).orElse(null));
        }
        Responses.json(ctx, 200, Map.of("status", "ok", "packs", packs));
    }
}
