package govgrade.cli;

import java.io.PrintWriter;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** govgrade's command line: one subcommand per task. */
@Command(name = "govgrade", mixinStandardHelpOptions = true, version = "govgrade 0.1",
        description = "Grades government websites and new-media accounts by county criteria packs.",
        subcommands = {GradeCommand.class, ValidateCommand.class, ServeCommand.class, TestCommand.class,
            ReconcileCommand.class, ReportCommand.class, NewPackCommand.class, FactsTemplateCommand.class},
        exitCodeListHeading = Exits.HEADING,
        exitCodeList = {"0:done: graded, compiled, reproduced, written",
            "1:a pack or a figure failed: validate refused a pack, test found a figure that differs or nothing to "
                    + "test, a pack is unknown or its rules failed",
            Exits.BAD_INPUT_LINE, Exits.INTERNAL_LINE})
public final class Main implements Runnable {
    @Option(names = ErrorLines.VERBOSE, scope = ScopeType.INHERIT,
            description = "on an error, print the stack trace as well as the one line")
    boolean verbose;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        OptionalInt relaunched = LaunchShortcut.serve(args, System.getenv());
        if (relaunched.isEmpty()) {
            relaunched = LaunchShortcut.grade(args, System.getenv());
        }
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        System.exit(ChildLine.child(args).orElseGet(() -> commandLine(new Main())).execute(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine(new Main()).execute(args);
    }

    /** Runs a command line writing to the given streams (tests call this instead of main). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** Every command shares one way to fail: see {@link Exits} and {@link ErrorLines}. */
    static CommandLine commandLine(Object top) {
        return commandLine(new CommandLine(top));
    }

    /** {@code line} with every command's one way to fail; set once its subcommands are all added. */
    static CommandLine commandLine(CommandLine line) {
        ErrorLines errors = new ErrorLines();
        return line.setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
