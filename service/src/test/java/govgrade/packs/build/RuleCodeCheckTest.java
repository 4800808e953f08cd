package govgrade.packs.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.PackError;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a rule may name, on real DRL read by Drools' parser: the bundled packs pass unchanged, and
 * each way out of the fact model is refused at its line with the name that is not allowed.
 */
class RuleCodeCheckTest {
    private static final String FILE = "rules-drl/x/a.drl";

    /** A rule of Mei county's shape with {@code then} as its consequence and {@code when} as extra conditions. */
    static String rule(String when, String then) {
        return """
                package govgrade.packs.x;

                import govgrade.derive.*;
                import govgrade.rules.*;

                rule "hostile"
                when
                    $c : Criteria()
                    $a : NewMediaAccount()
                %s
                then
                %s
                end
                """.formatted(when, then);
    }

    private static List<PackError> check(String drl) {
        return RuleCodeCheck.check(drl, Origin.drl(FILE));
    }

    /** Asserts a refusal at the line holding {@code marker}, naming {@code name}. */
    private static void assertRefused(String drl, String marker, String name) {
        List<PackError> errors = check(drl);
        List<String> lines = drl.lines().toList();
        PackError found = errors.stream().filter(e -> e.message().contains("\"" + name + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("\"" + name + "\" not refused: " + errors + "\n" + drl));
        assertEquals(FILE, found.file());
        assertTrue(lines.get(found.line() - 1).contains(marker), found.describe() + "\n" + drl);
        assertTrue(found.describe().startsWith(FILE + ":" + found.line() + ": "), found.describe());
    }

    @Test
    void theBundledPacksPassUnchanged() throws Exception {
        for (String pack : Fixtures.PACKS) {
            String file = "rules-drl/" + pack + "/" + pack + ".drl";
            assertEquals(List.of(), RuleCodeCheck.check(Files.readString(Fixtures.HOME.resolve(file)), Origin.drl(file)),
                    pack);
        }
    }

    @Nested
    class Consequences {
        @Test
        void runningACommand() {
            assertRefused(rule("", "    Runtime.getRuntime().exec( new String[] { \"touch\", \"/tmp/m\" } );"),
                    "Runtime", "Runtime");
        }

        @Test
        void aFullyQualifiedRuntime() {
            assertRefused(rule("", "    java.lang.Runtime.getRuntime().exec( \"touch /tmp/m\" );"), "java.lang.Runtime",
                    "java.lang.Runtime");
        }

        @Test
        void readingAFile() {
            assertRefused(rule("", "    insert( java.nio.file.Files.readString( java.nio.file.Path.of( \"/etc/passwd\" ) ) );"),
                    "readString", "java.nio.file.Files");
        }

        @Test
        void exiting() {
            assertRefused(rule("", "    System.exit( 0 );"), "System.exit", "System");
        }

        @Test
        void loops() {
            assertRefused(rule("", "    while ( true ) { }"), "while", "while");
            assertRefused(rule("", "    for ( int i = 0; ; i++ ) { }"), "for (", "for");
            assertRefused(rule("", "    do { } while ( true );"), "do {", "do");
        }

        @Test
        void allocatingWithoutEnd() {
            assertRefused(rule("", "    long[] a = new long[ Integer.MAX_VALUE - 8 ];"), "new long", "new long[");
            assertRefused(rule("", "    java.util.List l = new java.util.ArrayList();"), "ArrayList", "new java.util.ArrayList");
        }

        @Test
        void reflection() {
            assertRefused(rule("", "    Class.forName( \"java.lang.Runtime\" );"), "Class.forName", "Class");
            assertRefused(rule("", "    $a.getClass().getClassLoader();"), "getClass", "getClass");
            assertRefused(rule("", "    String s = Grade.PASS.getDeclaringClass().getName();"), "getDeclaringClass",
                    "getDeclaringClass");
            assertRefused(rule("", "    String s = Integer.TYPE.getName();"), "TYPE", "TYPE");
        }

        @Test
        void theEnginesInsides() {
            assertRefused(rule("", "    drools.getKieRuntime().halt();"), "drools.getKieRuntime", "drools.getKieRuntime");
            assertRefused(rule("", "    kcontext.getKieRuntime();"), "kcontext", "kcontext");
            assertRefused(rule("", "    retract( $a );"), "retract", "retract");
            assertRefused(rule("", "    Object h = $a__Handle__.getEntryPoint();"), "__Handle__", "$a__Handle__");
        }

        @Test
        void lambdasAndThreads() {
            assertRefused(rule("", "    new Thread( () -> { } ).start();"), "Thread", "new Thread");
            assertRefused(rule("", "    $a.getGaps().stream().map( g -> g ).count();"), "map(", "->");
        }

        @Test
        void unicodeEscapesThatWouldTurnAStringIntoCode() {
            assertRefused(rule("", "    String s = \"\\u0022; System.exit(0); \\u0022\";"), "\\u0022", "\\u");
        }
    }

    @Nested
    class Declarations {
        @Test
        void aFunctionDoingAnyOfThese() {
            String drl = rule("", "    insert( f() );").replace("rule \"hostile\"",
                    "function String f() { return System.getenv( \"HOME\" ); }\n\nrule \"hostile\"");
            assertRefused(drl, "function String f()", "function f");
        }

        @Test
        void anImportOutsideTheList() {
            String drl = rule("", "    insert( Files.readString( Path.of( \"/etc/passwd\" ) ) );")
                    .replace("import govgrade.rules.*;", "import govgrade.rules.*;\nimport java.nio.file.Files;");
            assertRefused(drl, "import java.nio.file.Files", "java.nio.file.Files");
        }

        @Test
        void aGlobal() {
            String drl = rule("", "    insert( $a );").replace("rule \"hostile\"",
                    "global java.util.List out;\n\nrule \"hostile\"");
            assertRefused(drl, "global", "global java.util.List out");
        }

        @Test
        void aSalienceThatIsCode() {
            String drl = rule("", "    insert( $a );").replace("rule \"hostile\"",
                    "rule \"hostile\"\nsalience ( java.lang.Runtime.getRuntime().availableProcessors() )");
            List<PackError> errors = check(drl);
            assertTrue(errors.stream().anyMatch(e -> e.message().contains("salience")), errors.toString());
        }
    }

    @Nested
    class Conditions {
        @Test
        void anEvalWithADisallowedName() {
            assertRefused(rule("    eval( System.currentTimeMillis() > 0 )", "    insert( $a );"), "eval", "System");
        }

        @Test
        void aFromWithADisallowedCall() {
            assertRefused(rule("    $l : String() from java.nio.file.Files.readAllLines( java.nio.file.Path.of( \"/etc/passwd\" ) )",
                    "    insert( $a );"), "readAllLines", "java.nio.file.Files");
        }

        @Test
        void aPatternOverATypeOutsideTheFactModel() {
            assertRefused(rule("    $t : Thread()", "    insert( $a );"), "Thread()", "Thread");
        }

        @Test
        void aConstraintCallingOut() {
            assertRefused(rule("    DateSpan( days > Runtime.getRuntime().availableProcessors() ) from $a.getGaps()",
                    "    insert( $a );"), "availableProcessors", "Runtime");
        }

        @Test
        void accumulateWithInlineCode() {
            assertRefused(rule("    $n : Number() from accumulate( DateSpan() from $a.getGaps(), init( int n = 0; ), "
                    + "action( n++; ), result( n ) )", "    insert( $a );"), "accumulate", "accumulate");
        }
    }

    @Test
    void whatTheRulesDoTodayStaysAllowed() {
        String drl = rule("    $g : DateSpan( days > $c.integer( \"gapDays\" ) ) from $a.getGaps()\n"
                        + "    $n : Number( intValue > 0 ) from accumulate( DateSpan() from $a.getGaps(), count( 1 ) )",
                """
                    int days = $g.getDays();
                    java.math.BigDecimal weight = new java.math.BigDecimal( "1.5" ).multiply( BigDecimal.valueOf( days ) );
                    String text = String.valueOf( Math.max( days, 1 ) ) + java.time.LocalDate.of( 2020, 1, 1 );
                    insert( Problem.of( drools, $a, "NO_UPDATE_7_DAYS" ).span( $g ).with( "w", weight ).with( "t", text ) );
                """);
        assertEquals(List.of(), check(drl));
    }
}
