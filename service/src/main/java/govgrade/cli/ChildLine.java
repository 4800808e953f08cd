package govgrade.cli;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * govgrade's command line as a JVM that {@code serve} or {@code grade} started again
 * ({@link Relaunch}) needs it: that command alone under the same top command. picocli builds the
 * model of every subcommand the top one names before it parses anything (reflection over each
 * option), and the other seven were a third of a second on a restart's path to the first response,
 * and on a big grade's path to its first byte read. The child reads and checks every option of its
 * command as before: its errors and help are {@link Main}'s, word for word.
 */
@Command(name = "govgrade", mixinStandardHelpOptions = true, version = "govgrade 0.1")
final class ChildLine implements Runnable {
    @Option(names = ErrorLines.VERBOSE, scope = ScopeType.INHERIT,
            description = "on an error, print the stack trace as well as the one line")
    boolean verbose;

    /** The command line for {@code args} in the relaunched child (the JVM {@link Relaunch} marked), else empty. */
    static Optional<CommandLine> child(String[] args) {
        if (args.length == 0 || !Boolean.getBoolean(Relaunch.MARK)) {
            return Optional.empty();
        }
        Object command = switch (args[0]) {
            case "serve" -> new ServeCommand();
            case "grade" -> new GradeCommand();
            default -> null;
        };
        return command == null ? Optional.empty()
                : Optional.of(Main.commandLine(new CommandLine(new ChildLine()).addSubcommand(command)));
    }

    @Override
    public void run() {
        // Never reached: the child is started with its command only.
    }
}
