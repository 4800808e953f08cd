package govgrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    static final int BAD_BATCH = 2;
    static final int BAD_PACK = 3;

    @Parameters(paramLabel = "FILE.json", description = "the fact batch; its pack field names the criteria pack")
    Path file;

    @Mixin
    Home home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        byte[] bytes = Files.readAllBytes(file);
        Batch batch;
        try (InputStream in = Files.newInputStream(file)) {
            batch = BatchReader.read(in, null);
        } catch (BatchRejected e) {
            err.println(file + ": the batch cannot be graded:");
            for (Violation v : e.violations()) {
                err.println("  " + v.message());
            }
            return BAD_BATCH;
        }
        CompiledPack pack;
        try {
            pack = new PackRegistry(home.dir).load(batch.pack());
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
        GradedRun run = Grading.grade(batch, pack, localRunId(bytes, pack.version()));
        ObjectMapper json = ResultJson.mapper();
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(run));
        out.flush();
        return 0;
    }

    /** A run graded on the command line is not stored; its id names what was graded under what. */
    static String localRunId(byte[] batch, String version) throws java.security.NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(batch);
        md.update(version.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return "local-" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }
}
