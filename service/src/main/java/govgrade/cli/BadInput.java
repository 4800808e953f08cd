package govgrade.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * An input the command cannot use, found after parsing (a missing file, a home without packs):
 * exit 2 like a mistyped option, but its line says what to fix, not to read {@code --help}.
 */
final class BadInput extends ParameterException {
    private static final long serialVersionUID = 1L;

    BadInput(CommandSpec spec, String message) {
        super(spec.commandLine(), message);
    }
}
