package govgrade.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import govgrade.report.RunReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report RUN_OR_FILE [-o OUT.xlsx]}: the Excel report of a run. A fact batch is graded
 * first exactly as {@code grade} grades it; a graded result (what {@code grade} prints or
 * {@code GET /api/v1/runs/{run}} returns) or a what-if answer is reported as it is.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the Excel report of a run: a 汇总 sheet of pass rates per region and a sheet per "
                + "channel, grouped and ranked; for a what-if answer, a 假设分析 sheet of before/after rows.",
        exitCodeListHeading = Exits.HEADING,
        exitCodeList = {"0:written", "1:the pack is unknown, does not compile, or its rules failed or exceeded a bound",
            "2:the file cannot be read, is not a valid batch, graded result or what-if answer, or the workbook "
                    + "cannot be written there", Exits.INTERNAL_LINE})
final class ReportCommand implements Callable<Integer> {
    static final int UNREADABLE = Exits.BAD_INPUT;

    @Parameters(paramLabel = "RUN_OR_FILE", description = "a fact batch (graded with the packs, as grade does), "
            + "a graded result, or a what-if answer, as JSON")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.xlsx",
            description = "where to write the workbook (default: RUN_OR_FILE with .xlsx for .json)")
    Path output;

    @Mixin
    Home home;

    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = progressOption.start(err, "report");
        RunInput.Kind kind;
        try {
            kind = RunInput.kind(InputFile.require(spec, "RUN_OR_FILE", file), progress);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + reason(e));
            return UNREADABLE;
        }
        Path out = output != null ? output : defaultOutput(file);
        // Laid out in full before the output is opened: a report that cannot be made leaves no file.
        try (RunReport report = layOut(kind, err, progress)) {
            try (Progress.Step step = progress.step("writing " + out.getFileName(), 0);
                 OutputStream xlsx = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                report.writeTo(xlsx);
            } catch (IOException e) {
                err.println("cannot write " + out + ": " + reason(e));
                return UNREADABLE;
            }
        } catch (BatchFile.Refused e) {
            return e.exitCode;
        } catch (JsonProcessingException e) {
            err.println(file + ": not a graded result the report can read: " + e.getOriginalMessage());
            return BatchFile.BAD_BATCH;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(out);
        stdout.flush();
        return 0;
    }

    private RunReport layOut(RunInput.Kind kind, PrintWriter err, Progress progress)
            throws BatchFile.Refused, IOException {
        RunInput.Read read = RunInput.load(kind, file, home.dir, err, progress);
        int rows = read.whatIf() != null ? read.whatIf().changes().size() : read.run().results().size();
        try (Progress.Step step = progress.step(String.format(Locale.ROOT, "laying out %,d rows", rows), 0)) {
            return read.whatIf() != null ? RunReport.ofWhatIf(read.whatIf()) : RunReport.of(read.run());
        }
    }

    /** NIO names the failing file as the message; say what went wrong instead. */
    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /** {@code fixtures/meixian/meixian.json} is reported to {@code fixtures/meixian/meixian.xlsx}. */
    static Path defaultOutput(Path file) {
        String name = file.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return file.resolveSibling(stem + ".xlsx");
    }
}
