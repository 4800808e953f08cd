package govgrade.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * govgrade's command line as the JVM that {@code serve} started again ({@link Relaunch}) needs it:
 * {@code serve} alone under the same top command. picocli builds the model of every subcommand the
 * top one names before it parses anything (reflection over each option), and the other seven were
 * a third of a second on a restart's path to the first response. The child reads and checks every
 * serve option as before: its errors and help are {@link Main}'s, word for word.
 */
@Command(name = "govgrade", mixinStandardHelpOptions = true, version = "govgrade 0.1",
        subcommands = ServeCommand.class)
final class ServeOnly implements Runnable {
    @Option(names = ErrorLines.VERBOSE, scope = ScopeType.INHERIT,
            description = "on an error, print the stack trace as well as the one line")
    boolean verbose;

    /** Whether {@code args} are the relaunched child's: serve, in the JVM {@link Relaunch} marked. */
    static boolean child(String[] args) {
        return args.length > 0 && args[0].equals("serve") && Boolean.getBoolean(Relaunch.MARK);
    }

    @Override
    public void run() {
        // Never reached: the child is started with serve only.
    }
}
