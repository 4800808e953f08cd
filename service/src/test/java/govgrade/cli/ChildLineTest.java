package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A relaunched child's command line knows its command as the whole one does: the same options, help and errors. */
class ChildLineTest {

    @Test
    void serveAndGradeReadTheSameOptionsWithTheSameHelpAsUnderTheWholeCommandLine() {
        for (String name : new String[] {"serve", "grade"}) {
            CommandLine whole = new CommandLine(new Main()).getSubcommands().get(name);
            CommandLine alone = child(name).getSubcommands().get(name);
            assertEquals(whole.getUsageMessage(), alone.getUsageMessage(), name);
            assertEquals(whole.getCommandSpec().qualifiedName(), alone.getCommandSpec().qualifiedName());
            assertTrue(alone.getCommandSpec().findOption(ErrorLines.VERBOSE) != null, "--verbose is inherited");
        }
    }

    @Test
    void aMistypedOptionIsRefusedWithTheSameLineAndExitCode() {
        for (String[] args : new String[][] {{"serve", "--port", "abc"}, {"grade", "--max-accounts", "many", "x.json"},
            {"grade", "--verbose", "--no-such-option", "x.json"}}) {
            StringWriter wholeErr = new StringWriter();
            StringWriter aloneErr = new StringWriter();
            int whole = run(Main.commandLine(new Main()), wholeErr, args);
            int alone = run(child(args[0]), aloneErr, args);
            assertEquals(Exits.BAD_INPUT, alone, String.join(" ", args));
            assertEquals(whole, alone);
            assertEquals(wholeErr.toString(), aloneErr.toString());
        }
    }

    @Test
    void onlyServeAndGradeInTheRelaunchedJvmTakeTheShortLine() {
        assertTrue(ChildLine.child(new String[] {"serve"}).isEmpty(), "not marked: the launcher itself");
        System.setProperty(Relaunch.MARK, "true");
        try {
            assertTrue(ChildLine.child(new String[] {"serve", "--port", "1"}).isPresent());
            assertTrue(ChildLine.child(new String[] {"grade", "x.json"}).isPresent());
            assertTrue(ChildLine.child(new String[] {"report", "x.json"}).isEmpty());
            assertTrue(ChildLine.child(new String[0]).isEmpty());
        } finally {
            System.clearProperty(Relaunch.MARK);
        }
    }

    private static CommandLine child(String name) {
        System.setProperty(Relaunch.MARK, "true");
        try {
            return ChildLine.child(new String[] {name}).orElseThrow();
        } finally {
            System.clearProperty(Relaunch.MARK);
        }
    }

    private static int run(CommandLine cl, StringWriter err, String... args) {
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }
}
