package govgrade.cli;

import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.facts.Violation;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRegistry;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code grade FILE.json}: the graded result as JSON on standard output, nothing else. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a fact batch; prints the graded result as JSON.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:graded", "2:the batch is invalid (errors on standard error)",
            "3:the pack is unknown or does not compile"})
final class GradeCommand implements Callable<Integer> {
    static final int BAD_BATCH = BatchFile.BAD_BATCH;
    static final int BAD_PACK = BatchFile.BAD_PACK;

    @Parameters(paramLabel = "FILE.json", description = "the fact batch; its pack field names the criteria pack")
    Path file;

    @Mixin
    Home home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PackRegistry registry = new PackRegistry(home.dir);
        EarlyPack early = EarlyPack.start(file, registry);
        // One pass over the file: the run id's hash is taken as the batch is read.
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Batch batch;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                digest)) {
            batch = BatchReader.read(new KeepOpen(in), null);
            in.transferTo(OutputStream.nullOutputStream());
        } catch (BatchRejected e) {
            err.println(file + ": the batch cannot be graded:");
            for (Violation v : e.violations()) {
                err.println("  " + v.message());
            }
            return BAD_BATCH;
        }
        CompiledPack pack;
        try {
            pack = early.load(batch.pack(), registry);
        } catch (UnknownPack e) {
            err.println(e.getMessage());
            return BAD_PACK;
        } catch (PackRejected e) {
            err.println("pack " + e.pack() + " does not compile:");
            for (PackError pe : e.errors()) {
                err.println("  " + pe.describe());
            }
            return BAD_PACK;
        }
        GradedRun run = Grading.grade(batch, pack, localRunId(digest, pack.version()));
        PrintWriter out = spec.commandLine().getOut();
        // Streamed, not built as one String first: a national result is about 85 MB of JSON.
        ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValue(new FilterWriter(out) {
            @Override
            public void close() {
                // Jackson closes what it writes to; standard output stays open.
            }
        }, run);
        out.println();
        out.flush();
        return 0;
    }

    /**
     * A run graded on the command line is not stored; its id names what was graded under what.
     * {@code batch} has seen the batch file's bytes.
     */
    static String localRunId(MessageDigest batch, String version) {
        batch.update(version.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return "local-" + HexFormat.of().formatHex(batch.digest()).substring(0, 16);
    }

    /** Jackson closes what it reads; the file must stay open until the hash has seen every byte. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // The caller closes the file.
        }
    }
}
