package govgrade.cli;

import govgrade.facts.BatchLimits;
import govgrade.grading.GradedRun;
import govgrade.grading.PrettyRun;
import govgrade.packs.catalog.PackHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grade FILE.json}: the graded result as JSON on standard output, nothing else. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a fact batch; prints the graded result as JSON.",
        exitCodeListHeading = Exits.HEADING,
        exitCodeList = {"0:graded", "1:the pack is unknown, does not compile, or its rules failed or exceeded a bound",
            "2:the file cannot be read, the batch is invalid or over a limit (errors on standard error), or an "
                    + "option is bad", Exits.INTERNAL_LINE})
final class GradeCommand implements Callable<Integer> {
    static final int BAD_BATCH = BatchFile.BAD_BATCH;
    static final int BAD_PACK = BatchFile.BAD_PACK;

    @Parameters(paramLabel = "FILE.json", description = "the fact batch; its pack field names the criteria pack. A "
            + "facts workbook (FILE.xlsx, see facts-template) is read into the same batch; its mistakes are printed "
            + "as FILE: sheet!cell: message")
    Path file;

    @Option(names = "--earlier", paramLabel = "RESULT.json",
            description = "an earlier period's result, as grade printed it (repeatable); a period the batch "
                    + "carries in its \"earlier\" list wins over a file for the same period")
    List<Path> earlier = new ArrayList<>();

    @Mixin
    Home home;

    @Mixin
    BatchLimitOptions batchLimits;

    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOption progressOption;

    @Option(names = "--jvm-cache", negatable = true, defaultValue = "${env:GOVGRADE_JVM_CACHE:-true}",
            fallbackValue = "true", description = "a batch file over --jvm-cache-over-mb is graded in a second JVM "
                    + "that maps a class archive of this jar (recorded by the first such run into "
                    + "GOVGRADE_CACHE_DIR/jvm, else ~/.cache/govgrade/jvm) and runs the parallel collector; "
                    + "--no-jvm-cache (or GOVGRADE_JVM_CACHE=false) grades in this JVM (default on)")
    boolean jvmCache;

    @Option(names = "--pack-cache", negatable = true, defaultValue = "${env:GOVGRADE_PACK_CACHE:-true}",
            fallbackValue = "true", description = "the pack compiled is kept in GOVGRADE_CACHE_DIR/packs, else "
                    + "~/.cache/govgrade/packs, and read back by later runs while its files and this build are "
                    + "unchanged; --no-pack-cache (or GOVGRADE_PACK_CACHE=false) compiles it each run (default on)")
    boolean packCache;

    @Option(names = "--jvm-cache-over-mb", paramLabel = "MB", defaultValue = GradeJvm.OVER_MB,
            description = "the batch file size from which --jvm-cache starts a second JVM (default ${DEFAULT-VALUE})")
    long jvmCacheOverMb;

    private BatchLimits limits() {
        try {
            return batchLimits.limits();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * A national batch in a JVM set up for one: classes mapped from an archive instead of read and verified,
     * and the parallel collector, which takes less of the second core from the work than G1 does. Its output,
     * errors and exit code are the child's, as if this JVM had graded.
     */
    private OptionalInt relaunch() throws IOException {
        return jvmCache && GradeJvm.big(file, jvmCacheOverMb) ? GradeJvm.relaunch(System.getenv())
                : OptionalInt.empty();
    }

    @Override
    public Integer call() throws Exception {
        OptionalInt relaunched = relaunch();
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = progressOption.start(err, "grade");
        home.packs(spec);
        GradedRun run;
        try {
            run = BatchFile.grade(InputFile.require(spec, "FILE.json", file), earlier,
                    new PackHome(home.dir, GradeCache.packs(System.getenv(), packCache)), limits(), err, progress);
        } catch (BatchFile.Refused e) {
            return e.exitCode;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Progress.Step step = progress.step("writing the result", 0)) {
            // Streamed, not built as one String first: a national result is about 98 MB of JSON.
            PrettyRun.write(out, run);
            out.println();
            out.flush();
        }
        return 0;
    }
}
