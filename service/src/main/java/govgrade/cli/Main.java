package govgrade.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** govgrade's command line: one subcommand per task. */
@Command(name = "govgrade", mixinStandardHelpOptions = true, version = "govgrade 0.1",
        description = "Grades government websites and new-media accounts by county criteria packs.",
        subcommands = {GradeCommand.class, ValidateCommand.class, ServeCommand.class, TestCommand.class,
            ReconcileCommand.class, ReportCommand.class, NewPackCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /** Runs a command line writing to the given streams (tests call this instead of main). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
