package govgrade.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself, before or around a route (a URI or headers too long, a
 * malformed request or chunk, an unknown HTTP version, an idle timeout, a body too large):
 * JSON in the one error shape instead of Jetty's HTML page or an empty body.
 */
final class JsonErrorPages extends ErrorHandler {
    /** Jetty's reasons are short; a cap keeps anything it quotes from the request small. */
    private static final int MAX_REASON = 200;

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String s ? s : null;
        Throwable cause = request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        if (cause instanceof HttpException http) {
            status = http.getCode();
            reason = http.getReason();
        }
        if (status < 400) {
            status = 500;
        }
        byte[] body;
        if (status == 500) {
            body = Failures.logged(request.getMethod(), request.getHttpURI().getPath(), cause);
        } else {
            body = Responses.errorBody(ApiError.codeOf(status), message(status, reason), null, Map.of());
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.CONTENT_JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static String message(int status, String reason) {
        String said = reason == null || reason.isBlank() ? "" : ": " + abbreviate(reason);
        return switch (status) {
            case 408 -> "the request was not received in time" + said
                    + " (serve --idle-timeout-s and --min-data-rate set the limits)";
            case 413 -> "the request body is larger than the limit" + said + " (serve --max-body-mb)";
            case 414 -> "the request URI is longer than the server reads" + said;
            case 431 -> "the request headers are larger than the server reads" + said;
            case 505 -> "the server speaks HTTP/1.0 and HTTP/1.1" + said;
            case 400 -> "the request is malformed" + said;
            default -> "the request was refused (HTTP " + status + ")" + said;
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "...";
    }
}
