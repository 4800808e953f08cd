package govgrade.http;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure of the service, not of the client: logged once with its stack trace under an id,
 * and answered 500 with the same id, so an operator finds the line a caller quotes. The answer
 * carries no detail of the failure (it may name files or hold data of another request).
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private static final SecureRandom IDS = new SecureRandom();

    private Failures() {
    }

    /** Logs {@code failure} under a new id and returns the body of the 500 that carries it. */
    static byte[] logged(String method, String path, Throwable failure) {
        byte[] b = new byte[6];
        IDS.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        try {
            LOG.error("error {}: {} {} failed", id, method, path, failure);
        } catch (Throwable ignored) {
            // Out of memory while logging: the answer still goes out, with the id the log may lack.
        }
        return Responses.errorBody("internal_error", "the service failed; its log has the details under id " + id,
                null, Map.of("id", id));
    }
}
