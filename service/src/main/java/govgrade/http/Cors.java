package govgrade.http;

import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * Browser pages on other origins (an operator's dashboard): the origins allowed answer
 * preflights and get Access-Control-Allow-Origin; any other origin gets no CORS header, so the
 * browser keeps the answer from the page. Credentials are never allowed: the API takes bearer
 * tokens a page sends itself, and "*" with credentials would lend a visitor's cookies to any site.
 */
final class Cors {
    private Cors() {
    }

    static void allow(JavalinConfig cfg, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            if (origins.equals(List.of("*"))) {
                rule.anyHost();
            } else {
                rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
            }
            rule.allowCredentials = false;
            rule.exposeHeader("Location");
            rule.exposeHeader(RequestLog.HEADER);
        }));
    }
}
