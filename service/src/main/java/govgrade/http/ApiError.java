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

    /**
     * The error code of an answer that only has a status: Jetty's own refusals (raised before a
     * route sees the request) and Javalin's. One table, so a 414 reads the same wherever it came from.
     */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 500 -> "internal_error";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> "http_" + status;
        };
    }
}
