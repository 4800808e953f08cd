package govgrade.cli;

import govgrade.packs.Budgets;
import govgrade.packs.catalog.PackCache;
import govgrade.packs.catalog.RuleBaseFiles;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code grade} keeps what the next {@code grade} reuses: the class archive of its second JVM
 * ({@link GradeJvm}) and compiled packs. {@code GOVGRADE_CACHE_DIR} when set (serve's cache folder:
 * the same pack compiled by this build is one file for both), else the user's cache folder: grade
 * has no database to keep them beside, and its home may be read-only.
 */
final class GradeCache {
    private GradeCache() {
    }

    static Path folder(Map<String, String> env) {
        String dir = env.get("GOVGRADE_CACHE_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir.strip());
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg.strip())
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("govgrade");
    }

    /**
     * Packs compiled once and read back by later runs while their files and this build are unchanged
     * ({@link RuleBaseFiles}): compiling is most of grading a county's batch in a fresh JVM, and on
     * a national batch it takes the core that reading the file needs. {@code keep} false: compiled each run.
     */
    static PackCache packs(Map<String, String> env, boolean keep) {
        return new PackCache(PackCache.DEFAULT_MAX_VERSIONS, Budgets.DEFAULTS,
                keep ? new RuleBaseFiles(folder(env).resolve("packs")) : null);
    }
}
