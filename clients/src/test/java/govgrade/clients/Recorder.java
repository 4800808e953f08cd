package govgrade.clients;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sits in the generated client's okhttp chain and hands every answer, as received, to the
 * document check: the client's own parsing then runs on the same bytes, so an answer that fits
 * the schema yet crashes the client, or the reverse, shows as one or the other.
 */
final class Recorder implements Interceptor {
    private final DocumentCheck check;

    Recorder(DocumentCheck check) {
        this.check = check;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response r = chain.proceed(chain.request());
        byte[] body = r.peekBody(Long.MAX_VALUE).bytes();
        check.answer(chain.request().method(), chain.request().url().encodedPath(), r.code(), r.header("Content-Type"),
                body);
        return r;
    }
}
