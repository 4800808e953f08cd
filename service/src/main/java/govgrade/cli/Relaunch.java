package govgrade.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve} started again in a child JVM that maps a class archive of this very jar: an
 * AppCDS archive on JDK 17 to 24, an AOT cache (JEP 483/514, classes loaded and linked, method
 * profiles) on JDK 25 and later. A JVM reads its archive only from a flag on its own command line,
 * and {@code java -jar govgrade.jar serve} has none: a launcher script would be one more thing to
 * install and keep in step with the jar, so the jar starts itself again instead, costing a small
 * JVM that waits (it passes SIGTERM on and returns the child's exit code).
 *
 * <p>The first start has no archive: the child records one, written when it stops, and later
 * starts map it. The archive is named by the jar (path, size, time) and the JVM, so a rebuilt jar
 * or another JDK records a new one and the old is deleted; the JVM itself checks the archive
 * again and runs without it when it does not match, so a stale or damaged archive never stops a
 * start. Not on a JVM other than HotSpot, not when the command line names an archive already,
 * not when govgrade runs other than by {@code java -jar}.
 *
 * <p>{@code grade} of a big batch starts itself again the same way ({@link #grade}), with flags for a batch job
 * and archives of its own.
 */
final class Relaunch {
    private static final Logger LOG = LoggerFactory.getLogger(Relaunch.class);
    /** Set on the child so it serves instead of starting another. */
    static final String MARK = "govgrade.relaunched";
    private static final int AOT_FEATURE = 25;
    private static final List<String> HEAP_LIMITS = List.of("-XX:MaxHeapSize", "-XX:MaxRAM");
    private static final List<String> HEAP_STARTS = List.of("-XX:InitialHeapSize", "-XX:MinHeapSize",
            "-XX:InitialRAM", "-XX:MinRAM");
    private static final String SERVE = "govgrade-";
    private static final String GRADE = "grade-";
    private static final List<String> OWN_FLAGS = List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
            "-XX:AOTCache", "-XX:AOTCacheOutput", "-XX:AOTMode", "-XX:AOTConfiguration", "-Xshare");

    private Relaunch() {
    }

    /** The child's exit code once it stopped, or empty when this JVM is to serve itself. */
    static OptionalInt serve(Path folder) {
        return again(folder.resolve("jvm"), SERVE, "serve", ServeJvm.flags());
    }

    /**
     * {@code grade} of a big batch in a child JVM with its own class archive (named apart from serve's, so
     * neither deletes the other's) and {@code flags} for a batch job, each added only when the operator's command
     * line does not already choose that setting. The child's exit code, or empty when this JVM is to grade.
     * Named by the JDK's feature release too: a machine that grades on JDK 17 and 25 by turns keeps one archive of
     * each instead of deleting the other's at every turn.
     */
    static OptionalInt grade(Path jvmFolder, List<String> flags) {
        return again(jvmFolder, GRADE + Runtime.version().feature() + "-", "grade", flags);
    }

    private static OptionalInt again(Path jvmFolder, String prefix, String commandName, List<String> flags) {
        if (Boolean.getBoolean(MARK)) {
            followLauncher();
            return OptionalInt.empty();
        }
        Optional<List<String>> command = command(jvmFolder, prefix, commandName, flags);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException e) {
            LOG.warn("could not start again with a class archive, running without: {}", e.getMessage());
            return OptionalInt.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(child);
            keepRecording(jvmFolder, child.isAlive() ? Exits.INTERNAL : child.exitValue());
        }, "govgrade-relaunch-stop"));
        try {
            int exit = child.waitFor();
            keepRecording(jvmFolder, exit);
            return OptionalInt.of(exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child);
            return OptionalInt.of(Exits.INTERNAL);
        }
    }

    /**
     * The child ends when the JVM that started it is gone: a launcher killed by SIGKILL (a supervisor
     * that signals one pid, an operator's kill -9) cannot pass anything on, and a child serving on
     * without it would hold the port against the restart. Halting is what the kill meant.
     */
    private static void followLauncher() {
        Optional<ProcessHandle> launcher = ProcessHandle.current().parent();
        if (launcher.isEmpty()) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (launcher.get().isAlive()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
            LOG.warn("the launching JVM is gone (killed); stopping at once, as it would have");
            Runtime.getRuntime().halt(Exits.INTERNAL);
        }, "govgrade-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** SIGTERM passed on; the child's own hook lets requests finish and its JVM writes the archive. */
    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(5, TimeUnit.MINUTES)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<List<String>> command(Path jvmFolder, String prefix, String commandName,
                                                  List<String> flags) {
        String vm = System.getProperty("java.vm.name", "");
        if (!vm.contains("HotSpot") && !vm.contains("OpenJDK")) {
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> args = List.of(info.arguments().get());
        int jarAt = args.indexOf("-jar");
        if (jarAt < 0 || jarAt + 2 >= args.size() || !args.get(jarAt + 2).equals(commandName)) {
            // Not this command on the command line: another main of the same jar (the benchmark's) that runs grade
            // inside it, whose own command line would start the whole benchmark again.
            return Optional.empty();
        }
        List<String> jvmArgs = args.subList(0, jarAt);
        if (jvmArgs.stream().anyMatch(a -> OWN_FLAGS.stream().anyMatch(a::startsWith))) {
            return Optional.empty(); // the operator chose an archive: theirs, not ours
        }
        Path jar = Path.of(args.get(jarAt + 1)).toAbsolutePath();
        Optional<String> key = key(jar);
        if (key.isEmpty() || !jar.equals(ownJar())) {
            // Some other program's jar (a test runner's) that runs govgrade inside it: not ours to start again.
            return Optional.empty();
        }
        boolean aot = Runtime.version().feature() >= AOT_FEATURE;
        Path archive = jvmFolder.resolve(prefix + key.get() + (aot ? ".aot" : ".jsa"));
        List<String> cmd = new ArrayList<>();
        cmd.add(info.command().get());
        cmd.addAll(jvmArgs);
        // The JVM names every class it leaves out of an archive, hundreds of lines on standard output, and says
        // when it runs without a stale one: neither needs the operator, who sees the archive in the folder.
        cmd.add(aot ? "-Xlog:aot=off,aot+codecache=off,cds=off" : "-Xlog:cds=off,cds+dynamic=off");
        if (Files.isRegularFile(archive)) {
            cmd.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
        } else {
            try {
                Files.createDirectories(jvmFolder);
                removeOthers(jvmFolder, prefix, archive);
            } catch (IOException e) {
                LOG.warn("no class archive in {} ({}), running without", jvmFolder, e.getMessage());
                return Optional.empty();
            }
            // Recorded under a name of its own and renamed when whole: a second start never maps half an archive.
            Path part = jvmFolder.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            cmd.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + part);
            if (prefix.equals(SERVE)) {
                LOG.info("recording a class archive of this start for the next ones: {}", archive);
            } // grade's standard error carries the batch's errors only
        }
        for (String flag : flags) {
            if (jvmArgs.stream().noneMatch(a -> sameSetting(a, flag))) {
                cmd.add(flag);
            }
        }
        cmd.add("-D" + MARK + "=true");
        cmd.addAll(args.subList(jarAt, args.size()));
        return Optional.of(cmd);
    }

    /**
     * The archive a child recorded, renamed into place once its JVM has written it whole; deleted
     * when the child stopped on an error ({@code exit} 1 to 3: a bad option, a store that would not
     * open), since such a start loaded few of a service's classes and the next would map that.
     * The options are checked in the child, so a mistyped first start must not leave its archive.
     */
    private static synchronized void keepRecording(Path jvmFolder, int exit) {
        boolean served = exit != Exits.FAILED && exit != Exits.BAD_INPUT && exit != Exits.INTERNAL;
        String suffix = "." + ProcessHandle.current().pid() + ".part";
        // JDK 25 records a configuration beside the cache first and deletes it when done; a stop cut short leaves it.
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(jvmFolder, "*" + suffix + ".*")) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("leftovers of a recording not removed: {}", e.getMessage());
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(jvmFolder, "*" + suffix)) {
            for (Path part : parts) {
                String name = part.getFileName().toString();
                Path archive = part.resolveSibling(name.substring(0, name.length() - suffix.length()));
                if (!served || Files.size(part) == 0) {
                    Files.delete(part);
                    continue;
                }
                try {
                    Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            LOG.warn("class archive not kept (the next start records one again): {}", e.getMessage());
        }
    }

    /**
     * Whether the operator's {@code given} flag already chooses what {@code ours} would: any collector for a
     * collector, {@code -Xmx} for {@code -Xmx}, any heap size for {@code -Xms} (a first heap of ours above the
     * operator's largest would stop the JVM), the same {@code -XX:} name with any value.
     */
    static boolean sameSetting(String given, String ours) {
        if (ours.startsWith("-XX:+Use") && ours.endsWith("GC")) {
            return given.startsWith("-XX:+Use") && given.endsWith("GC");
        }
        if (ours.startsWith("-Xms")) {
            return given.startsWith("-Xms") || given.startsWith("-Xmx")
                    || Stream.concat(HEAP_LIMITS.stream(), HEAP_STARTS.stream()).anyMatch(given::startsWith);
        }
        if (ours.startsWith("-Xmx")) {
            return given.startsWith("-Xmx") || HEAP_LIMITS.stream().anyMatch(given::startsWith);
        }
        if (ours.startsWith("-XX:")) {
            return given.startsWith("-XX:") && xxName(given).equals(xxName(ours));
        }
        return given.startsWith(ours.substring(0, Math.min(ours.length(), 4))); // -Xmx, -Xms, -Xss
    }

    private static String xxName(String flag) {
        String s = flag.substring(4);
        return (s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s).split("=", 2)[0];
    }

    /** Archives of other jars or JVMs: never mapped again, so not kept. */
    static void removeOthers(Path jvmFolder, String prefix, Path keep) throws IOException {
        String keepName = keep.getFileName().toString();
        try (DirectoryStream<Path> old = Files.newDirectoryStream(jvmFolder, prefix + "*")) {
            for (Path p : old) {
                String name = p.getFileName().toString();
                if (!name.startsWith(keepName) || deadRecording(name.substring(keepName.length()))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * {@code .PID.part...} of a launcher that is gone (a kill -9 leaves its half-written archive, which no
     * start maps and none would rename): a recording of a live launcher, or this one's, is left alone.
     */
    private static boolean deadRecording(String suffix) {
        String[] parts = suffix.split("\\.", 4);
        if (parts.length < 3 || !parts[0].isEmpty() || !parts[2].equals("part") || !parts[1].matches("[0-9]{1,18}")) {
            return false;
        }
        long pid = Long.parseLong(parts[1]);
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }

    private static Path ownJar() {
        try {
            return Path.of(Relaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** This jar and this JVM: path, size and time of the jar, the JVM's home and version. */
    private static Optional<String> key(Path jar) {
        try {
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
            String id = jar + "|" + a.size() + "|" + a.lastModifiedTime().toMillis() + "|"
                    + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest, 0, 8));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }
}
