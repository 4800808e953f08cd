package govgrade.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The JVM a big {@code grade} starts again in (see {@link Relaunch#grade}): where its archive lives, its flags. */
final class GradeJvm {
    /** Heap per byte of batch file: the national batch (205 MB) peaks at about 630 MB used, 370 MB live. */
    private static final long HEAP_HALVES_PER_FILE_BYTE = 9; // 4.5 bytes of heap per byte of file
    private static final long MIN_HEAP = 512L << 20;

    private GradeJvm() {
    }

    /**
     * The flags for a batch file of {@code fileBytes}, each left out where the operator's command line chose
     * (see {@link Relaunch#sameSetting}). Measured on the national batch (docs/benchmarks.md, "National, round
     * 2"): the parallel collector gives the second core back to the work that G1's concurrent marking takes;
     * a heap of 4.5 times the file keeps the process under 1 GB where the default (a quarter of the machine)
     * grew to 1.05-1.08 GB, for the same CPU time (never more than this JVM's own default maximum); C1
     * alone ({@code TieredStopAtLevel=1}) took a third less CPU in all than C1 and C2: a run of seconds does not
     * earn back what C2 spends compiling on the core the rules and the collector share. First, the JVM's own
     * messages to standard error: JDK 25 says on standard output that it wrote the AOT cache, after the result.
     */
    static List<String> flags(long fileBytes, long defaultMaxHeap) {
        long heap = Math.min(defaultMaxHeap, Math.max(MIN_HEAP, fileBytes * HEAP_HALVES_PER_FILE_BYTE / 2));
        return List.of("-XX:+DisplayVMOutputToStderr", "-XX:+UseParallelGC", "-Xmx" + (heap >> 20) + "m", "-XX:TieredStopAtLevel=1");
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
