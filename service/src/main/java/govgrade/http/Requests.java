package govgrade.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.grading.ResultJson;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** Reading requests: bodies held to the limit, multipart parts, small JSON requests, who is asking. */
final class Requests {
    private static final ObjectMapper JSON = ResultJson.mapper();

    private final long maxBody;

    Requests(long maxBody) {
        this.maxBody = maxBody;
    }

    /** The body, refused with 413 past the limit, whether or not the client declared its length. */
    byte[] body(Context ctx) throws IOException {
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

    static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * The multipart parts; a body past the limit without a declared length is stopped by Jetty's
     * multipart limit, which is the client's doing: 413, not 500.
     */
    List<UploadedFile> uploadedFiles(Context ctx) {
        if (ctx.contentLength() > maxBody) {
            throw ApiError.tooLarge(maxBody);
        }
        try {
            return ctx.uploadedFiles();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (m.contains("exceed") || m.contains("too large") || m.contains("max")) {
                    throw ApiError.tooLarge(maxBody);
                }
            }
            throw ApiError.badRequest("invalid_request", "the multipart body cannot be read: " + e.getMessage(), "$");
        }
    }

    /** A small JSON object request; an empty body is an empty object. {@code shape} says what is expected. */
    JsonNode object(Context ctx, String shape) throws IOException {
        byte[] body = body(ctx);
        JsonNode req;
        try {
            req = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("invalid_request", "the body is not JSON: " + e.getOriginalMessage(), "$");
        }
        if (req == null || !req.isObject()) {
            throw ApiError.badRequest("invalid_request", "expected an object " + shape, "$");
        }
        return req;
    }

    /** An optional string field; present, it must be a non-empty string. */
    static String text(JsonNode req, String field) {
        JsonNode n = req.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw ApiError.badRequest("invalid_request", field + ": expected a non-empty string", field);
        }
        return n.asText();
    }

    /**
     * Who changes a pack: the X-Actor header where the caller names a person (UTF-8, see
     * HeaderText). Where none does: the token's holder, "editor" for a
     * criteria editor and "admin" for a rule author, so a version list never credits an editor's
     * draft to the admin token.
     */
    static String actor(Context ctx, Roles.Role role) {
        String a = HeaderText.decode("X-Actor", ctx.header("X-Actor"));
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return role == Roles.Role.EDITOR ? "editor" : "admin";
    }
}
