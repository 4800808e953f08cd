package govgrade.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The JVM a big {@code grade} starts again in (see {@link Relaunch#grade}): where its archive lives, its flags. */
final class GradeJvm {
    /**
     * Measured on the national batch (docs/benchmarks.md, "National, round 2"): the parallel collector
     * gives the second core back to the work that G1's concurrent marking takes.
     */
    static final List<String> FLAGS = List.of("-XX:+UseParallelGC");

    private GradeJvm() {
    }

    /**
     * {@code GOVGRADE_CACHE_DIR/jvm} when set (serve's cache folder: the archives are named apart), else the
     * user's cache folder: grade has no database to keep it beside, and its home may be read-only.
     */
    static Path folder(Map<String, String> env) {
        String dir = env.get("GOVGRADE_CACHE_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir.strip()).resolve("jvm");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg.strip())
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("govgrade").resolve("jvm");
    }
}
