package govgrade.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

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

    /** The java command line that starts govgrade's main with {@code args}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        String cp = System.getProperty("java.class.path");
        if (isGovgradeJar(cp)) {
            cmd.add("-jar");
            cmd.add(cp);
        } else {
            cmd.add("-cp");
            cmd.add(cp);
            cmd.add("govgrade.cli.Main");
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** True for the shaded jar itself (not, say, a test runner's manifest-only jar). */
    private static boolean isGovgradeJar(String classPath) {
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            Manifest m = jar.getManifest();
            return m != null && "govgrade.cli.Main".equals(m.getMainAttributes().getValue("Main-Class"));
        } catch (IOException e) {
            return false;
        }
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

    /** Runs to completion (at most {@code timeoutSeconds}), standard output to {@code stdout}. */
    static Result run(List<String> command, Path stdout, Path stderr, long timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = -1;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!p.waitFor(10, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, Memory.statusKb(status, "VmHWM:") * 1024);
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
