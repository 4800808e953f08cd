package govgrade.app;

import java.net.URI;
import java.util.List;

/**
 * What an operator watching the service configures: which browser origins a dashboard may call
 * it from, and the token /metrics asks for.
 *
 * @param corsOrigins  origins (scheme://host[:port]) a browser page may call the API from; empty: none,
 *                     ["*"]: any. Credentials (cookies) are never allowed: the API takes bearer
 *                     tokens, which a page sends itself, so "*" cannot lend a browser's cookies to a stranger
 * @param metricsToken required as a bearer token by GET /metrics when set (GOVGRADE_METRICS_TOKEN); null: open
 */
public record Operations(List<String> corsOrigins, String metricsToken) {
    /** The environment variable that carries the metrics token. */
    public static final String METRICS_TOKEN_VARIABLE = "GOVGRADE_METRICS_TOKEN";

    public Operations {
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken;
        for (String o : corsOrigins) {
            if (o.equals("*")) {
                if (corsOrigins.size() > 1) {
                    throw new IllegalArgumentException("cors origin *: any origin, so name no other beside it");
                }
            } else if (!isOrigin(o)) {
                throw new IllegalArgumentException("cors origin \"" + o + "\": expected scheme://host[:port] with no "
                        + "path, such as https://dashboard.example.org, or *");
            }
        }
    }

    /** No browser origin, open metrics: a service behind a proxy on the operator's own network. */
    public static Operations defaults() {
        return new Operations(List.of(), null);
    }

    private static boolean isOrigin(String text) {
        try {
            URI u = new URI(text);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
                    && u.getRawPath().isEmpty() && u.getRawQuery() == null && u.getRawFragment() == null
                    && u.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The token is a secret: it never reaches a log line through this record. */
    @Override
    public String toString() {
        return "Operations[corsOrigins=" + corsOrigins + ", metricsToken=" + (metricsToken == null ? "none" : "set")
                + "]";
    }
}
