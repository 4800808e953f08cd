package govgrade.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --progress} / {@code --no-progress} for the commands that can take a while: grade, report, test. */
final class ProgressOption {
    @Option(names = "--progress", negatable = true,
            description = "show progress on standard error (default: only when standard error is a terminal)")
    Boolean asked;

    Progress start(PrintWriter err, String command) {
        return Progress.of(err, command, asked);
    }
}
