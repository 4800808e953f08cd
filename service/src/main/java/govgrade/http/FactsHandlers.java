package govgrade.http;

import govgrade.facts.BatchRejected;
import govgrade.facts.DeclaredFigures;
import govgrade.factsheets.FactsSheet;
import govgrade.factsheets.FactsWorkbook;
import govgrade.factsheets.FactsWriter;
import govgrade.factsheets.SheetRejected;
import govgrade.factsheets.UnreadableWorkbook;
import govgrade.packs.CompiledPack;
import govgrade.packs.FactsRead;
import govgrade.packs.catalog.PackCatalog;
import govgrade.runs.RunService;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Facts from spreadsheets over HTTP: a pack's facts template, and grading a filled one sent as
 * the multipart part {@code facts}. The workbook becomes the JSON batch a client would have sent
 * and is graded and stored as that; its mistakes come back at their sheets and cells.
 */
final class FactsHandlers {
    static final String PART = "facts";

    private final PackCatalog catalog;
    private final RunService runs;
    private final Requests requests;
    private final long maxBody;

    FactsHandlers(PackCatalog catalog, RunService runs, Requests requests, long maxBody) {
        this.catalog = catalog;
        this.runs = runs;
        this.requests = requests;
        this.maxBody = maxBody;
    }

    void template(Context ctx) throws Exception {
        String id = ctx.pathParam("pack");
        catalog.versions(id); // 404 for an unknown pack, as the pack's own page
        CompiledPack pack = catalog.active(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FactsWriter.template(pack.id(), pack.figures(), FactsRead.of(pack).places(), out);
        Responses.workbook(ctx, out.toByteArray(), id + "-facts.xlsx");
    }

    /** Whether a grade request sends the workbook as its whole body (Content-Type of an .xlsx). */
    static boolean isWorkbookBody(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(PackWorkbook.CONTENT_TYPE);
    }

    /**
     * {@code POST /api/v1/grade} with a workbook: ONE multipart file part named facts (a browser's
     * form), or the workbook as the whole body, which is what a generated client can send: a
     * generator makes one typed method per operation, and a multipart form beside the JSON form
     * in one operation makes openapi-generator's Java client import a class it never writes.
     */
    void grade(Context ctx) throws Exception {
        FactsSheet sheet;
        if (Requests.isMultipart(ctx)) {
            requests.uploadedFiles(ctx); // the body's limits, as for any multipart request
            List<UploadedFile> facts = ctx.uploadedFiles(PART);
            if (facts.size() != 1 || ctx.uploadedFiles().size() != 1) {
                throw ApiError.badRequest("invalid_multipart", "send exactly one file part, named " + PART
                        + ", holding a filled facts workbook (.xlsx; GET /api/v1/packs/{pack}/facts-template.xlsx)",
                        PART);
            }
            try (InputStream in = facts.get(0).content()) {
                sheet = read(ctx, in);
            }
        } else {
            try (InputStream in = new ByteArrayInputStream(requests.body(ctx))) {
                sheet = read(ctx, in);
            }
        }
        RunService.Graded g;
        try {
            g = runs.grade(sheet.json(), ctx.queryParam("pack"));
        } catch (BatchRejected e) {
            throw sheet.placed(e);
        }
        ctx.header("Location", "/api/v1/runs/" + g.runId());
        Responses.json(ctx, 200, g.json());
    }

    private FactsSheet read(Context ctx, InputStream in) throws IOException, SheetRejected {
        try {
            return FactsWorkbook.read(in, maxBody, runs.limits(), this::declared, ctx.queryParam("pack"));
        } catch (UnreadableWorkbook e) {
            throw ApiError.badRequest("invalid_file", e.getMessage(), PART);
        }
    }

    private DeclaredFigures declared(String pack) {
        try {
            return catalog.active(pack).figures();
        } catch (Exception e) {
            return null; // an unknown or broken pack: grading names it
        }
    }

    /** The answer to a workbook's mistakes: the JSON batch's, each violation at its cell. */
    static Map<String, Object> extra(SheetRejected e) {
        return e.more() > 0 ? Map.of("violations", e.violations(), "more", e.more())
                : Map.of("violations", e.violations());
    }
}
