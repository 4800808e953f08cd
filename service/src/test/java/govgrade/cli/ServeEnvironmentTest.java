package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.app.Settings;
import govgrade.store.StoreCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** serve listens on loopback unless told otherwise, and takes each option from GOVGRADE_* too; a flag wins. */
class ServeEnvironmentTest {

    private static ServeCommand parse(Map<String, String> env, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).setDefaultValueProvider(new EnvironmentDefaults(env)).parseArgs(args);
        return serve;
    }

    @Test
    void serveListensOnThisMachineOnlyByDefault(@TempDir Path dir) {
        Settings s = parse(Map.of(), "--db", dir.resolve("g.db").toString()).settings(null);
        assertEquals("127.0.0.1", s.host());
        assertEquals(7070, s.port());
    }

    @Test
    void eachOptionComesFromItsVariableWhenNotGiven(@TempDir Path dir) {
        Settings s = parse(Map.of("GOVGRADE_HOST", "0.0.0.0", "GOVGRADE_PORT", "8081", "GOVGRADE_DB",
                dir.resolve("env.db").toString(), "GOVGRADE_WATCH", "false", "GOVGRADE_MAX_UNITS", "12",
                "GOVGRADE_GRADING_TIMEOUT_S", "9", "GOVGRADE_HOME", dir.toString())).settings(null);
        assertEquals("0.0.0.0", s.host());
        assertEquals(8081, s.port());
        assertEquals(dir.resolve("env.db"), s.db());
        assertFalse(s.watch());
        assertEquals(12, s.batchLimits().units());
        assertEquals(9, s.budgets().grading().toSeconds());
        assertEquals(dir, s.home());
    }

    @Test
    void newRowsAreZstdUnlessGzipIsChosenForAnUpgradeOneInstanceAtATime(@TempDir Path dir) {
        String db = dir.resolve("g.db").toString();
        assertEquals(StoreCodec.ZSTD, parse(Map.of(), "--db", db).store().codec());
        assertEquals(StoreCodec.GZIP, parse(Map.of("GOVGRADE_STORE_CODEC", "gzip"), "--db", db).store().codec());
        assertEquals(StoreCodec.ZSTD, parse(Map.of("GOVGRADE_STORE_CODEC", "gzip"), "--store-codec", "ZSTD", "--db", db)
                .store().codec());
    }

    @Test
    void aFlagWinsOverTheEnvironmentAndAnEmptyVariableIsUnset(@TempDir Path dir) {
        Settings s = parse(Map.of("GOVGRADE_PORT", "8081", "GOVGRADE_HOST", " ", "GOVGRADE_WATCH", "false"),
                "--port", "9090", "--watch", "--db", dir.resolve("g.db").toString()).settings(null);
        assertEquals(9090, s.port());
        assertEquals("127.0.0.1", s.host());
        assertTrue(s.watch());
    }

    @Test
    void theReadmeTableNamesTheVariableOfEveryServeOption() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        CommandLine serve = new CommandLine(new Main()).getSubcommands().get("serve");
        int seen = 0;
        for (OptionSpec o : serve.getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp() || o.longestName().equals(ErrorLines.VERBOSE)) {
                continue;
            }
            String row = "| `" + o.longestName() + "`";
            String variable = "`" + EnvironmentDefaults.variable(o) + "`";
            assertTrue(readme.contains(row) && readme.lines().anyMatch(l -> l.startsWith(row) && l.contains(variable)),
                    "README's table lacks " + o.longestName() + " / " + variable);
            seen++;
        }
        assertTrue(seen >= 30, "options seen: " + seen);
    }

    /** In a child JVM, since a test cannot set its own environment: the variable reaches serve, the flag beats it. */
    @Test
    void aVariableOutOfRangeStopsServeWithExitTwoNamingItAndAFlagOverridesIt(@TempDir Path dir) throws Exception {
        Child bad = serve(dir, Map.of("GOVGRADE_PORT", "70000"));
        assertEquals(2, bad.code(), bad.stderr());
        assertTrue(bad.stderr().contains("port 70000 is not 0-65535"), bad.stderr());
        Child flag = serve(dir, Map.of("GOVGRADE_PORT", "70000"), "--port", "70001");
        assertEquals(2, flag.code(), flag.stderr());
        assertTrue(flag.stderr().contains("port 70001 is not 0-65535"), flag.stderr());
        assertFalse(Files.exists(dir.resolve("g.db")), "nothing opened for settings that do not hold");
    }

    private record Child(int code, String stderr) {
    }

    private static Child serve(Path dir, Map<String, String> env, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--db", dir.resolve("g.db").toString()));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith(EnvironmentDefaults.PREFIX));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("serve did not stop on a bad port");
        }
        return new Child(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
