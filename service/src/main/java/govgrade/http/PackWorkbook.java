package govgrade.http;

import govgrade.packs.catalog.PackCatalog;
import io.javalin.http.Context;
import java.util.Map;

/**
 * A stored version's workbook as a download: what staff open in Excel or WPS, change and send back
 * as a draft. The bytes are the stored ones, so the same version downloads the same file.
 */
final class PackWorkbook {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PackCatalog catalog;

    PackWorkbook(PackCatalog catalog) {
        this.catalog = catalog;
    }

    void download(Context ctx) throws Exception {
        String pack = ctx.pathParam("pack");
        String version = ctx.pathParam("version");
        Map.Entry<String, byte[]> workbook = catalog.workbook(pack, version).orElseThrow(() -> new ApiError(404,
                "no_workbook", "version " + version + " of pack " + pack + " has no workbook: its criteria are all in rules",
                "version", Map.of()));
        String path = workbook.getKey();
        String name = path.substring(path.lastIndexOf('/') + 1);
        // The version in the name keeps two downloads apart in a Downloads folder; any name uploads back.
        String stem = name.endsWith(".xlsx") ? name.substring(0, name.length() - 5) : name;
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(CONTENT_TYPE);
        ctx.status(200).header("Content-Disposition", "attachment; filename=\"" + stem + "-" + version + ".xlsx\"");
        ctx.result(workbook.getValue());
    }
}
