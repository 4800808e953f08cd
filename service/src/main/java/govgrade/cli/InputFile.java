package govgrade.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** A file named on the command line, checked before it is read so the refusal names it and says why. */
final class InputFile {
    private InputFile() {
    }

    /** {@code file} as given, if it is a readable file; else a bad-input refusal naming {@code label} and the path. */
    static Path require(CommandSpec spec, String label, Path file) {
        String why = !Files.exists(file) ? "no such file"
                : Files.isDirectory(file) ? "a folder, not a file"
                : !Files.isReadable(file) ? "permission denied" : null;
        if (why != null) {
            throw new BadInput(spec, "cannot read " + label + " " + file + ": " + why);
        }
        return file;
    }
}
