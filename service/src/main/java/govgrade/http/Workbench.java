package govgrade.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The workbench for policy staff: plain pages and ES modules in the jar, served at {@code /}. They
 * call the same API as every other client, so the server adds nothing for them but the files.
 */
final class Workbench {
    private Workbench() {
    }

    static void serve(JavalinConfig cfg) {
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/workbench";
            files.location = Location.CLASSPATH;
            // The pages hold a token in memory: no script, style or frame from anywhere else, and
            // no other site may frame them. A new jar's pages are fetched again, not taken from a cache.
            files.headers = Map.of(
                    "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                            + "base-uri 'none'; form-action 'none'",
                    "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "no-referrer",
                    "Cache-Control", "no-cache");
        });
    }
}
