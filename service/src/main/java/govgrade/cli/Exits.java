package govgrade.cli;

/**
 * The exit codes every command shares, and the lines of {@code --help} that say so. One scheme
 * for all commands so a script or a CI gate tests {@code $?} the same way whatever it runs.
 */
final class Exits {
    static final int OK = 0;
    /** A pack or a figure failed: the inputs were read, and what they say does not hold. */
    static final int FAILED = 1;
    /** The command could not start on what it was given: a file missing or unreadable, a bad batch or option. */
    static final int BAD_INPUT = 2;
    /** A bug or a failure of the machine: neither the user's input nor a pack is to blame. */
    static final int INTERNAL = 3;

    static final String HEADING = "%nExit codes:%n";
    static final String BAD_INPUT_LINE = "2:bad input: a file missing or unreadable, a folder given as a file, an "
            + "invalid batch, a bad option or environment variable, a home folder without packs";
    static final String INTERNAL_LINE = "3:internal error (one line on standard error; --verbose adds the stack trace)";

    private Exits() {
    }
}
