package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.app.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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
}
