package govgrade.packs.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.Budgets;
import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.catalog.PackHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.runtime.KieSession;

/**
 * A DRL file dropped beside Mei county's rules that would act the moment the pack is built: its
 * rule sits in the criteria group, which the build fires to collect the criteria. Each is
 * refused at its file and line with the name that is not allowed, and the marker file the
 * command would create never appears: the check runs before Drools compiles anything.
 */
class HostileDrlTest {
    private static final String FILE = "rules-drl/meixian/hostile.drl";

    @TempDir
    Path home;

    /** A rule that fires while the pack is built, doing {@code then} (with MARKER standing for the marker's path). */
    static String hostile(String then, Path marker) {
        return """
                package govgrade.packs.meixian.hostile;

                import govgrade.rules.*;

                %s
                rule "hostile"
                ruleflow-group "criteria"
                when
                then
                %s
                end
                """.formatted(then.startsWith("function") ? then.split("\n", 2)[0] : "",
                then.startsWith("function") ? then.split("\n", 2)[1] : then)
                .replace("MARKER", marker.toString());
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("runs a command", "    Runtime.getRuntime().exec( new String[] { \"touch\", \"MARKER\" } );",
                        "Runtime", "Runtime"),
                Arguments.of("names Runtime in full", "    java.lang.Runtime.getRuntime().exec( \"touch MARKER\" );",
                        "java.lang.Runtime", "java.lang.Runtime"),
                Arguments.of("reads a file", "    insert( Criterion.setting( drools, "
                        + "java.nio.file.Files.readString( java.nio.file.Path.of( \"/etc/passwd\" ) ) ) );",
                        "java.nio.file.Files", "readString"),
                Arguments.of("exits", "    System.exit( 0 );", "System", "exit"),
                Arguments.of("loops", "    while ( true ) { }", "while", "while"),
                Arguments.of("allocates without end", "    java.util.List l = new java.util.ArrayList();\n"
                        + "    for ( ; ; ) { l.add( new long[ 1000000 ] ); }", "new java.util.ArrayList", "ArrayList"),
                Arguments.of("uses reflection", "    Class.forName( \"java.lang.Runtime\" ).getMethod( \"getRuntime\" )"
                        + ".invoke( null );", "Class", "forName"),
                Arguments.of("hides it in a function", "function void f( String m ) { try { "
                        + "Runtime.getRuntime().exec( new String[] { \"touch\", m } ); } catch ( Exception e ) { } }\n    f( \"MARKER\" );", "function f",
                        "function void f("));
    }

    @ParameterizedTest(name = "a rule that {0}")
    @MethodSource("attacks")
    void isRefusedAtItsLineByNameAndNeverRuns(String what, String then, String name, String onLine) throws Exception {
        Path marker = home.resolve("marker");
        PackCopy.copy("meixian", home);
        String drl = hostile(then, marker);
        Files.writeString(home.resolve(FILE), drl);

        PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("meixian"));

        List<String> lines = drl.lines().toList();
        PackError err = e.errors().stream().filter(x -> x.message().contains("\"" + name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not named: " + e.errors()));
        assertEquals(FILE, err.file());
        assertTrue(err.line() != null && lines.get(err.line() - 1).contains(onLine), err.describe());
        assertTrue(err.message().contains("rules may use"), err.describe());
        assertTrue(e.errors().stream().allMatch(x -> FILE.equals(x.file())), "the bundled files pass: " + e.errors());
        assertFalse(Files.exists(marker), "the command ran");
    }

    @Test
    void theCommandDoesRunWhenDroolsCompilesAndFiresItUnchecked() throws Exception {
        // The control: the same payload, built and fired without the check, creates the marker.
        Path marker = home.resolve("control");
        String drl = hostile("    Runtime.getRuntime().exec( new String[] { \"touch\", \"MARKER\" } ).waitFor();", marker);
        DroolsBuild.Outcome built = DroolsBuild.run("control", "control",
                Map.of("src/main/resources/govgrade/packs/meixian/hostile/a.drl", drl.getBytes(StandardCharsets.UTF_8)),
                Budgets.DEFAULTS);
        assertEquals(List.of(), built.errors());
        KieSession session = built.base().newKieSession();
        try {
            session.getAgenda().getAgendaGroup(PackBuilder.CRITERIA_GROUP).setFocus();
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        assertTrue(Files.exists(marker), "the payload is real");
        assertFalse(RuleCodeCheck.check(drl, Origin.drl(FILE)).isEmpty());
    }
}
