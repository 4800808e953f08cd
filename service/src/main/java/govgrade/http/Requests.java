package govgrade.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.grading.ResultJson;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reading requests: bodies held to the limit, multipart parts, small JSON requests, who is asking. */
final class Requests {
    private static final ObjectMapper JSON = ResultJson.mapper();

    /** The largest declared body read into one array made up front: a county batch is about 200 KB. */
    private static final long AT_ONCE = 1L << 20;

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
            long declared = ctx.contentLength();
            if (declared < 0 || declared > AT_ONCE) {
                return within(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1)));
            }
            // One array of the declared size, not 8 KB pieces joined after: twice the body in
            // allocation and a copy, on every graded request. Only up to AT_ONCE: the array is made
            // before a byte arrives, and clients that declare large bodies and send nothing must not
            // hold the heap; larger bodies grow as their bytes come, as before.
            byte[] b = new byte[(int) declared];
            int n = in.readNBytes(b, 0, b.length);
            int next = in.read();
            if (next < 0) {
                return n == b.length ? b : Arrays.copyOf(b, n);
            }
            // More than declared (a body decoded on the way in): the rest, still held to the limit.
            byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8 - n - 1L, maxBody + 1 - n - 1L));
            byte[] all = Arrays.copyOf(b, n + 1 + rest.length);
            all[n] = (byte) next;
            System.arraycopy(rest, 0, all, n + 1, rest.length);
            return within(all);
        }
    }

    private byte[] within(byte[] body) {
        if (body.length > maxBody) {
            throw ApiError.tooLarge(maxBody);
        }
        return body;
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
