package govgrade.http;

import govgrade.packs.PackError;
import govgrade.packs.PackUnavailable;
import govgrade.packs.catalog.PackCatalog;
import govgrade.published.DraftReview;
import govgrade.published.PackTests;
import govgrade.published.Reconciler;
import govgrade.store.PackVersions;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The endpoints of packs: status, versions, drafts and publishing. HTTP in and out only. */
final class PackHandlers {
    private final PackCatalog catalog;
    private final DraftReview drafts;
    private final Roles roles;
    private final Requests requests;
    private final AuditTrail audit;

    PackHandlers(PackCatalog catalog, DraftReview drafts, Roles roles, Requests requests, AuditTrail audit) {
        this.audit = audit;
        this.catalog = catalog;
        this.drafts = drafts;
        this.roles = roles;
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

    /**
     * The list gives a count of errors, a pack's own page the errors themselves, and since when and
     * how the active version is active ("restored": files on disk were put back to a stored version),
     * and the version the files on disk are when it is not the active one (awaiting publish in review
     * mode, or replaced by a publish).
     */
    private Map<String, Object> status(String id, boolean withErrors) throws Exception {
        List<PackError> errors = catalog.diskErrors(id);
        Optional<PackVersions.Active> active = catalog.activeSince(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("displayName", displayName(id, active));
        m.put("version", active.map(PackVersions.Active::version).orElse(null));
        m.put("status", errors.isEmpty() ? "ok" : "error");
        if (withErrors) {
            m.put("errors", errors);
        } else {
            m.put("errorCount", errors.size());
        }
        m.put("activeSince", active.map(PackVersions.Active::since).orElse(null));
        m.put("activatedBy", active.map(PackVersions.Active::how).orElse(null));
        m.put("restored", active.map(a -> a.how().equals("restored")).orElse(false));
        m.put("diskVersion", catalog.diskVersion(id).orElse(null));
        m.put("reload", catalog.reloadMode().toString());
        return m;
    }

    /**
     * The county's name as the active version's 设置 sheet gives it; null while no version is active
     * or where it names none. The active version is compiled already (cached), unless the cache let
     * it go for newer drafts.
     */
    private String displayName(String id, Optional<PackVersions.Active> active) throws Exception {
        if (active.isEmpty()) {
            return null;
        }
        try {
            return catalog.active(id).criteria().displayName();
        } catch (PackUnavailable e) {
            return null;
        }
    }

    void versions(Context ctx) throws Exception {
        Responses.json(ctx, 200, catalog.versions(ctx.pathParam("pack")));
    }

    void draft(Context ctx) throws Exception {
        Roles.Role role = roles.changer(ctx.header("Authorization"));
        String pack = ctx.pathParam("pack");
        DraftReview.Reviewed r;
        try {
            if (!Requests.isMultipart(ctx)) {
                throw ApiError.badRequest("invalid_request", "send the changed files as multipart/form-data", "$");
            }
            r = drafts.draft(pack, uploads(ctx), Requests.actor(ctx, role), role.mayChangeCode());
        } catch (Exception e) {
            audit.refusedChange(ctx, "draft_refused", role, pack, null, e);
            throw e;
        }
        audit.change(ctx, "draft", role, pack, r.draft().version());
        Responses.json(ctx, r.draft().existed() ? 200 : 201, DraftAnswer.of(r));
    }

    /** A draft's answer; fields in this order, the order they were always written in. */
    record DraftAnswer(String id, String version, String status, boolean alreadyStored, List<String> changedFiles,
                       boolean changesPublishedFigures, Tests tests, List<PackError> warnings) {
        static DraftAnswer of(DraftReview.Reviewed r) {
            PackTests.Outcome t = r.tests();
            // Criteria do change, so a draft that alters a published figure may still be published; it says so.
            return new DraftAnswer(r.draft().pack(), r.draft().version(), "draft", r.draft().existed(),
                    r.draft().files(), t.changesPublishedFigures(), new Tests(t.summary(), t.fixtures(), t.figures(),
                    t.reproduced(), t.knownDifferences(), t.changed()), r.draft().warnings());
        }
    }

    /** The totals of a draft's pack tests, and each published figure it changes. */
    record Tests(String summary, int fixtures, int figures, int reproduced, int knownDifferences,
                 List<Reconciler.Difference> changed) {
    }

    /** The files of a draft request, by file name; the catalog says which pack file each replaces, or refuses it. */
    private Map<String, byte[]> uploads(Context ctx) throws Exception {
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        for (UploadedFile f : requests.uploadedFiles(ctx)) {
            try (InputStream in = f.content()) {
                String name = f.filename() == null ? "" : f.filename();
                if (uploads.put(name, in.readAllBytes()) != null) {
                    throw ApiError.badRequest("invalid_file", "two file parts are called \"" + name
                            + "\"; send each file once", null);
                }
            }
        }
        if (uploads.isEmpty()) {
            throw ApiError.badRequest("no_files", "the request carries no .xlsx or .drl file part", "$");
        }
        return uploads;
    }

    void publish(Context ctx) throws Exception {
        Roles.Role role = roles.changer(ctx.header("Authorization"));
        String pack = ctx.pathParam("pack");
        String version = ctx.pathParam("version");
        try {
            catalog.publish(pack, version, Requests.actor(ctx, role), role.mayChangeCode());
        } catch (Exception e) {
            audit.refusedChange(ctx, "publish_refused", role, pack, version, e);
            throw e;
        }
        boolean reverted = catalog.activeSince(pack).map(a -> a.how().equals("reverted")).orElse(false);
        audit.change(ctx, reverted ? "revert" : "publish", role, pack, version);
        Responses.json(ctx, 200, new Published(pack, version, "active"));
    }

    record Published(String id, String version, String status) {
    }
}
