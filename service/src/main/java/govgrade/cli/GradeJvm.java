package govgrade.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** The JVM a big {@code grade} starts again in (see {@link Relaunch#grade}): where its archive lives, its flags. */
final class GradeJvm {
    /** The default of {@code --jvm-cache-over-mb}: a county's or a province's batch is graded in the JVM it is given. */
    static final String OVER_MB = "64";

    private static final int FIRST_HEAP_FEATURE = 17;
    private static final long FIRST_HEAP_BELOW = 2L << 30;

    private GradeJvm() {
    }

    /**
     * The flags, each left out where the operator's command line chose (see {@link Relaunch#sameSetting}).
     * Measured on the national batch (docs/benchmarks.md, "National, round 2"): the parallel collector gives
     * the second core back to the work that G1's concurrent marking takes; C1 alone ({@code TieredStopAtLevel=1})
     * took a third less CPU in all than C1 and C2: a run of seconds does not earn back what C2 spends compiling
     * on the core the rules and the collector share. First, the JVM's own messages to standard error: JDK 25
     * says on standard output that it wrote the AOT cache, after the result.
     *
     * <p>No heap limit: the JVM's own default, as in one JVM. A limit sized by the file (4.5 times it kept the
     * national batch at 850 MB instead of about 1 GB) ran a 91 MB batch of 200,000 accounts with six posts each,
     * well inside the batch limits, out of memory, where one JVM graded it: what a batch needs depends on its
     * accounts as much as on its bytes, and the launcher does not read the file.
     *
     * <p>A first heap of 1 GB ({@code -Xms1g}, a start, not a limit) on JDK 17 only: there the parallel
     * collector's own sizing starts small and ran two full collections of 0.3 and 1.2 s on the national batch
     * ("Full (Ergonomics)"); from 1 GB it ran none and 8.2-8.9 s became 5.8-7.1 s. The peak did not fall with it:
     * 914-1,125 MB against 997-1,023 MB, by where the second young collection falls (docs/benchmarks.md,
     * "Issue 15, round 4"). JDK 25 ran its two full collections either way, no
     * faster, and peaked 150 MB higher, so it is left its default. Only where the JVM's largest heap is 2 GB or
     * more ({@code maxHeap}, the launcher's, which the child shares): a first heap above the largest stops a JVM.
     */
    static List<String> flags(int jdkFeature, long maxHeap) {
        List<String> flags = List.of("-XX:+DisplayVMOutputToStderr", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1");
        if (jdkFeature == FIRST_HEAP_FEATURE && maxHeap >= FIRST_HEAP_BELOW) {
            return Stream.concat(flags.stream(), Stream.of("-Xms1g")).toList();
        }
        return flags;
    }

    /** Whether {@code file} is a batch big enough to grade in a second JVM: a regular file over {@code overMb}. */
    static boolean big(Path file, long overMb) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > overMb << 20;
        } catch (IOException e) {
            return false; // grading it in this JVM reports what is wrong with it
        }
    }

    /** The second JVM's exit code, or empty where this JVM is to grade ({@link Relaunch#grade}). */
    static OptionalInt relaunch(Map<String, String> env) {
        return Relaunch.grade(folder(env), flags(Runtime.version().feature(), Runtime.getRuntime().maxMemory()));
    }

    /** {@code jvm} in grade's cache folder ({@link GradeCache}): serve's archives there are named apart. */
    static Path folder(Map<String, String> env) {
        return GradeCache.folder(env).resolve("jvm");
    }
}
