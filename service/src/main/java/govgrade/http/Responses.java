package govgrade.http;

import govgrade.grading.ResultJson;
import govgrade.report.RunReport;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing answers: JSON (always UTF-8, in the results' own encoding), workbooks, and errors. */
final class Responses {
    static final String CONTENT_JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    /** JSON already encoded, such as a stored run: sent as it is, so it reads back byte for byte. */
    static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(CONTENT_JSON).result(body);
    }

    static void json(Context ctx, int status, Object body) throws Exception {
        json(ctx, status, ResultJson.write(body));
    }

    /**
     * A report already laid out, written straight into the response: a national one is several
     * megabytes that need not be held again, and anything that could fail has failed before this.
     */
    static void xlsx(Context ctx, RunReport report, String fileName) throws IOException {
        // A workbook is bytes: the charset Jetty appends to every type (utf-8 from Javalin) is dropped,
        // so the type is the one the document names and clients match it exactly.
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(RunReport.CONTENT_TYPE);
        ctx.status(200).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        report.writeTo(ctx.outputStream());
    }

    /** A workbook made in memory (a facts template), as an attachment. */
    static void workbook(Context ctx, byte[] xlsx, String fileName) throws IOException {
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(RunReport.CONTENT_TYPE);
        ctx.status(200).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.outputStream().write(xlsx);
    }

    /** The one shape of every error: {error, message, path}, then any fields the error adds. */
    static void error(Context ctx, int status, String code, String message, String path, Map<String, Object> extra) {
        json(ctx, status, errorBody(code, message, path, extra));
    }

    /**
     * The bytes of an error, for Javalin's answers and for those Jetty writes itself. Never throws:
     * an error that cannot be encoded (out of memory, say) still leaves the client a JSON answer.
     */
    static byte[] errorBody(String code, String message, String path, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.put("path", path);
        body.putAll(extra);
        try {
            return ResultJson.write(body);
        } catch (Throwable e) {
            return ("{\"error\":\"" + code + "\",\"message\":\"the error could not be described\",\"path\":null}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
