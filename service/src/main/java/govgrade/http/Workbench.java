package govgrade.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
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
        // Javalin's own handler reads each file from the class path when asked for it. Jetty's, the
        // default, mounted the whole jar (59 MB, 28,000 entries) as a zip file system at start-up:
        // half a second on the main thread before the port opened, for a dozen small files.
        cfg.resourceHandler(new JavalinStaticResourceHandler());
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
