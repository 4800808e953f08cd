package govgrade.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What a command that fails writes and exits with: one line on standard error, naming the command,
 * and an exit code from {@link Exits}; the stack trace only with {@code --verbose}. picocli's own
 * handlers print the whole usage for a mistyped option and a stack trace for anything thrown.
 */
final class ErrorLines implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String VERBOSE = "--verbose";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        PrintWriter err = cl.getErr();
        err.println(name + ": " + oneLine(ex.getMessage())
                + (ex instanceof BadInput ? "" : " (" + name + " --help lists the options)"));
        if (Arrays.asList(args).contains(VERBOSE) && ex.getCause() != null) {
            ex.getCause().printStackTrace(err);
        }
        err.flush();
        return Exits.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = verbose(parsed);
        Failure f = classify(ex);
        err.println(cl.getCommandSpec().qualifiedName() + ": " + f.line()
                + (verbose || f.code() != Exits.INTERNAL ? "" : " (" + VERBOSE + " prints the stack trace)"));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return f.code();
    }

    private record Failure(int code, String line) {
    }

    private static Failure classify(Exception ex) {
        if (ex instanceof NoSuchFileException e) {
            return new Failure(Exits.BAD_INPUT, "cannot read " + e.getFile() + ": no such file or folder");
        } else if (ex instanceof AccessDeniedException e) {
            return new Failure(Exits.BAD_INPUT, "cannot read " + e.getFile() + ": permission denied");
        } else if (ex instanceof FileSystemException e) {
            return new Failure(Exits.BAD_INPUT, "cannot read " + e.getFile() + ": " + oneLine(e.getReason()));
        } else if (ex instanceof JsonProcessingException e) {
            return new Failure(Exits.BAD_INPUT, "not JSON this command can read: " + oneLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        } else if (ex instanceof IOException e) {
            return new Failure(Exits.BAD_INPUT, "cannot read the input: " + oneLine(e.getMessage()));
        }
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof BindException b) {
                // A port another process holds is the operator's to change, not a bug.
                return new Failure(Exits.BAD_INPUT, "cannot listen: " + oneLine(b.getMessage()) + " (--port, --host)");
            }
        }
        return new Failure(Exits.INTERNAL, "internal error: " + ex.getClass().getName()
                + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage())));
    }

    /** Whether {@code --verbose} was given to the top command or any subcommand (it is inherited). */
    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
