package govgrade.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM running govgrade as a user would ({@code java -jar govgrade.jar ...}), timed from
 * launch to exit, its peak resident set read from /proc while it runs (VmHWM only grows, so
 * the last reading is the peak, give or take the final poll interval).
 */
final class Child {
    private Child() {
    }

    record Result(int exitCode, long nanos, long peakRssBytes) {
    }

    /**
     * The java command line that runs the product with {@code args}: {@code java -jar
     * target/govgrade.jar ...}, the jar users run, never the bench's own class path (which holds
     * the product's classes too, but not its shading, manifest or start-up).
     */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(productJar().toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * The service jar: {@code -Dgovgrade.jar=PATH} if given, else beside the bench jar (both land
     * in the root folder's target/), else target/govgrade.jar under the working folder, where
     * Maven's tests and the README run from.
     */
    static Path productJar() {
        List<Path> tried = new ArrayList<>();
        String given = System.getProperty("govgrade.jar");
        if (given != null) {
            tried.add(Path.of(given));
        } else {
            String cp = System.getProperty("java.class.path", "");
            if (cp.endsWith(".jar") && !cp.contains(File.pathSeparator)) {
                Path sibling = Path.of(cp).toAbsolutePath().resolveSibling("govgrade.jar");
                tried.add(sibling);
            }
            tried.add(Path.of("target", "govgrade.jar").toAbsolutePath());
        }
        for (Path jar : tried) {
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("no service jar at " + tried + ": build it first (mvn -B package builds "
                + "service/ before bench/) or name it with -Dgovgrade.jar=PATH");
    }

    /** The java command line that starts {@code mainClass} from govgrade's class path. */
    static List<String> mainCommand(List<String> jvmOptions, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * The process's peak RSS and those of the processes it started (a grade or serve that starts itself again
     * in a second JVM), added: both are alive while the second one works.
     */
    private static long peakRss(Process p, Path status) {
        long kb = Memory.statusKb(status, "VmHWM:");
        if (kb < 0) {
            return -1; // gone, or no /proc
        }
        for (ProcessHandle c : p.descendants().toList()) {
            kb += Math.max(0, Memory.statusKb(Path.of("/proc", Long.toString(c.pid()), "status"), "VmHWM:"));
        }
        return kb * 1024;
    }

    /** Runs to completion (at most {@code timeoutSeconds}), standard output to {@code stdout}. */
    static Result run(List<String> command, Path stdout, Path stderr, long timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = -1;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!p.waitFor(10, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, peakRss(p, status));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                p.waitFor();
                throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + command);
            }
        }
        long t = System.nanoTime() - t0;
        return new Result(p.exitValue(), t, peak);
    }
}
