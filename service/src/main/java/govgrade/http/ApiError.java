package govgrade.http;

import java.util.Map;

/** An error answered as JSON {error, message, path}, with optional extra fields. */
final class ApiError extends RuntimeException {
    final int status;
    final String code;
    final String path;
    final Map<String, Object> extra;

    ApiError(int status, String code, String message, String path, Map<String, Object> extra) {
        super(message);
        this.status = status;
        this.code = code;
        this.path = path;
        this.extra = extra;
    }

    ApiError(int status, String code, String message) {
        this(status, code, message, null, Map.of());
    }

    static ApiError badRequest(String code, String message, String path) {
        return new ApiError(400, code, message, path, Map.of());
    }

    static ApiError tooLarge(long max) {
        return new ApiError(413, "body_too_large", "the request body is larger than the limit of " + max
                + " bytes (serve --max-body-mb)");
    }
}
