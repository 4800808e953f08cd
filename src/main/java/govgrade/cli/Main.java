package govgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** govgrade's command line: one subcommand per task. */
@Command(name = "govgrade", mixinStandardHelpOptions = true, version = "govgrade 0.1",
        description = "Grades government websites and new-media accounts by county criteria packs.",
        subcommands = {GradeCommand.class, ValidateCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
