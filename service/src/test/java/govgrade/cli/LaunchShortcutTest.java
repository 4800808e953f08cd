package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.app.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The launcher's shortcut reads whether and where serve relaunches as picocli reads the same
 * command line and environment; what it cannot read so, it leaves to picocli.
 */
class LaunchShortcutTest {

    /** Where picocli's serve would keep its class archive, or empty when it would not relaunch. */
    private static Optional<Path> picocli(Map<String, String> env, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).setDefaultValueProvider(new EnvironmentDefaults(env)).parseArgs(args);
        Settings s = serve.settings(null);
        return s.startup().jvm() ? Optional.of(s.startup().folder(s.db())) : Optional.empty();
    }

    private static void same(Map<String, String> env, String... args) {
        assertEquals(picocli(env, args), LaunchShortcut.folder(List.of(args), env), String.join(" ", args) + " " + env);
    }

    @Test
    void readsTheDatabaseTheCacheFolderAndTheSwitchAsPicocliDoes() {
        same(Map.of());
        same(Map.of(), "--db", "/srv/g/grades.db", "--port", "8080");
        same(Map.of(), "--db=/srv/g/grades.db");
        same(Map.of(), "--cache-dir", "/var/cache/govgrade", "--db", "x.db");
        same(Map.of(), "--cache-dir=/var/cache/govgrade");
        same(Map.of(), "--no-jvm-cache");
        same(Map.of("GOVGRADE_JVM_CACHE", "false"), "--jvm-cache");
        same(Map.of("GOVGRADE_JVM_CACHE", "false"));
        same(Map.of("GOVGRADE_JVM_CACHE", "FALSE"), "--jvm-cache");
        same(Map.of("GOVGRADE_DB", "/srv/env.db", "GOVGRADE_CACHE_DIR", "/srv/c"));
        same(Map.of("GOVGRADE_DB", "/srv/env.db", "GOVGRADE_CACHE_DIR", " "), "--db", "/srv/flag.db");
        same(Map.of(), "--db", "postgresql://u:p@db:5432/grades");
        same(Map.of(), "--db", "jdbc:postgresql://db:5432/grades?user=u", "--cache-dir", "/c");
    }

    @Test
    void leavesHelpAndWhatItCannotReadToPicocli() {
        assertTrue(LaunchShortcut.folder(List.of("--help"), Map.of()).isEmpty());
        assertTrue(LaunchShortcut.folder(List.of("-V"), Map.of()).isEmpty());
        assertTrue(LaunchShortcut.folder(List.of("--jvm-cache=false"), Map.of()).isEmpty());
        assertTrue(LaunchShortcut.folder(List.of("--db"), Map.of()).isEmpty(), "a flag without its value");
        assertTrue(LaunchShortcut.folder(List.of(), Map.of("GOVGRADE_JVM_CACHE", "sometimes")).isEmpty());
        assertTrue(LaunchShortcut.serve(new String[] {"grade", "batch.json"}, Map.of()).isEmpty(), "not serve");
    }
    /** grade of a big batch relaunches before the command line is built exactly where picocli's grade would. */
    @Test
    void gradeRelaunchesBeforePicocliOnlyWhereItWouldAfter(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("national.json");
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(big,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            c.write(java.nio.ByteBuffer.wrap(new byte[] {'}'}), (64L << 20) + 1); // sparse: 64 MB and two bytes
        }
        Path small = java.nio.file.Files.writeString(dir.resolve("county.json"), "{}");
        String b = big.toString();
        for (List<String> args : List.of(List.of(b), List.of("--home", "/srv/packs", b), List.of("--home=/srv", b),
                List.of("--progress", "--earlier", "last.json", b), List.of(b, "--max-accounts", "300000"),
                List.of("--max-errors-listed=5", "--no-pack-cache", "--jvm-cache", b), List.of("--verbose", b))) {
            assertEquals(Optional.of(big), LaunchShortcut.bigBatch(args, Map.of()), args.toString());
            assertTrue(picocliRelaunches(args), args.toString());
        }
        for (List<String> args : List.of(List.of(small.toString()), List.of("--no-jvm-cache", b))) {
            assertTrue(LaunchShortcut.bigBatch(args, Map.of()).isEmpty(), args.toString());
            assertTrue(!picocliRelaunches(args), args.toString());
        }
        // Left to picocli, which decides after parsing: help, another size, an option the shortcut does not know.
        for (List<String> args : List.of(List.of("--help", b), List.of("--jvm-cache-over-mb", "500", b),
                List.of("--jvm-cache-over-mb=1", small.toString()), List.of("--unknown", b), List.of(b, b),
                List.of("--home", b))) {
            assertTrue(LaunchShortcut.bigBatch(args, Map.of()).isEmpty(), args.toString());
        }
        assertTrue(LaunchShortcut.bigBatch(List.of(b), Map.of("GOVGRADE_JVM_CACHE", "false")).isEmpty());
        assertTrue(LaunchShortcut.bigBatch(List.of(b), Map.of("GOVGRADE_JVM_CACHE", "maybe")).isEmpty());
        assertEquals(Optional.of(big), LaunchShortcut.bigBatch(List.of("--jvm-cache", b),
                Map.of("GOVGRADE_JVM_CACHE", "false")));
    }

    /** Whether picocli's grade, given {@code args}, would grade in a second JVM. */
    private static boolean picocliRelaunches(List<String> args) {
        CommandLine whole = new CommandLine(new Main());
        List<String> line = new java.util.ArrayList<>(List.of("grade"));
        line.addAll(args);
        whole.parseArgs(line.toArray(String[]::new));
        GradeCommand grade = whole.getSubcommands().get("grade").getCommand();
        return grade.jvmCache && GradeJvm.big(grade.file, grade.jvmCacheOverMb);
    }
}
