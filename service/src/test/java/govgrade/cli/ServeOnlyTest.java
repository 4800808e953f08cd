package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The relaunched child's command line knows serve as the whole one does: the same options, help and errors. */
class ServeOnlyTest {

    @Test
    void serveReadsTheSameOptionsWithTheSameHelpAsUnderTheWholeCommandLine() {
        CommandLine whole = new CommandLine(new Main()).getSubcommands().get("serve");
        CommandLine alone = new CommandLine(new ServeOnly()).getSubcommands().get("serve");
        assertEquals(whole.getUsageMessage(), alone.getUsageMessage());
        assertEquals(whole.getCommandSpec().qualifiedName(), alone.getCommandSpec().qualifiedName());
        assertTrue(alone.getCommandSpec().findOption(ErrorLines.VERBOSE) != null, "--verbose is inherited");
    }

    @Test
    void aMistypedOptionIsRefusedWithTheSameLineAndExitCode() {
        String[] args = {"serve", "--port", "abc"};
        StringWriter wholeErr = new StringWriter();
        StringWriter aloneErr = new StringWriter();
        int whole = run(new Main(), wholeErr, args);
        int alone = run(new ServeOnly(), aloneErr, args);
        assertEquals(Exits.BAD_INPUT, alone);
        assertEquals(whole, alone);
        assertEquals(wholeErr.toString(), aloneErr.toString());
    }

    @Test
    void onlyServeInTheRelaunchedJvmTakesTheShortLine() {
        assertFalse(ServeOnly.child(new String[] {"serve"}), "not marked: the launcher itself");
        System.setProperty(Relaunch.MARK, "true");
        try {
            assertTrue(ServeOnly.child(new String[] {"serve", "--port", "1"}));
            assertFalse(ServeOnly.child(new String[] {"grade", "x.json"}));
            assertFalse(ServeOnly.child(new String[0]));
        } finally {
            System.clearProperty(Relaunch.MARK);
        }
    }

    private static int run(Object top, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine(top);
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }
}
