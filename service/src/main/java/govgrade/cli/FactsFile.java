package govgrade.cli;

import govgrade.derive.PastPeriod;
import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.facts.DeclaredFigures;
import govgrade.factsheets.CellViolation;
import govgrade.factsheets.FactsSheet;
import govgrade.factsheets.FactsWorkbook;
import govgrade.factsheets.SheetRejected;
import govgrade.factsheets.UnreadableWorkbook;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.packs.catalog.PackHome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A facts workbook (.xlsx) graded on the command line: read into the batch its JSON form would
 * be, then graded as {@link BatchFile} grades a JSON file; each mistake printed as
 * {@code file: sheet!cell: message}, exit 2.
 */
final class FactsFile {
    /** A workbook file on the command line may be this large; a county's period is a few MB. */
    private static final long MAX_BYTES = 256L << 20;

    private FactsFile() {
    }

    /** Whether {@code file} is a workbook (a zip) rather than JSON: by its first bytes, not its name. */
    static boolean isWorkbook(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    static GradedRun grade(Path file, List<Path> earlierFiles, PackHome registry, BatchLimits limits, PrintWriter err)
            throws BatchFile.Refused, IOException {
        FactsSheet sheet;
        try (InputStream in = Files.newInputStream(file)) {
            sheet = FactsWorkbook.read(in, MAX_BYTES, limits, id -> declared(registry, id));
        } catch (UnreadableWorkbook e) {
            err.println(file + ": " + e.getMessage());
            throw new BatchFile.Refused(BatchFile.BAD_BATCH);
        } catch (SheetRejected e) {
            print(file, e, err);
            throw new BatchFile.Refused(BatchFile.BAD_BATCH);
        }
        byte[] json = sheet.json();
        Batch batch;
        try {
            batch = BatchReader.read(new ByteArrayInputStream(json), null, limits);
        } catch (BatchRejected e) {
            print(file, sheet.placed(e), err);
            throw new BatchFile.Refused(BatchFile.BAD_BATCH);
        }
        List<PastPeriod> earlier = EarlierFiles.read(earlierFiles, batch.pack(), limits.earlierPeriods(), err);
        CompiledPack pack;
        try {
            pack = registry.load(batch.pack());
        } catch (UnknownPack e) {
            err.println(e.getMessage());
            throw new BatchFile.Refused(BatchFile.BAD_PACK);
        } catch (PackRejected e) {
            err.println("pack " + e.pack() + " does not compile:");
            for (PackError pe : e.errors()) {
                err.println("  " + pe.describe());
            }
            throw new BatchFile.Refused(BatchFile.BAD_PACK);
        }
        try {
            pack.figures().check(batch, pack.id(), limits.errorsListed());
        } catch (BatchRejected e) {
            print(file, sheet.placed(e), err);
            throw new BatchFile.Refused(BatchFile.BAD_BATCH);
        }
        try {
            return Grading.grade(batch, earlier, limits.earlierPeriods(), pack,
                    BatchFile.localRunId(digest(json), pack.version()), Budgets.DEFAULTS);
        } catch (EvaluationFailed e) {
            err.println(e.getMessage());
            throw new BatchFile.Refused(BatchFile.BAD_PACK);
        }
    }

    private static DeclaredFigures declared(PackHome registry, String id) {
        try {
            return registry.load(id).figures();
        } catch (UnknownPack | PackRejected | IOException | RuntimeException e) {
            return null; // named below, once the batch is read: unknown pack, or one that does not compile
        }
    }

    private static void print(Path file, SheetRejected e, PrintWriter err) {
        err.println(file + (e.overLimit() ? ": the workbook is over a limit and cannot be graded:"
                : ": the workbook cannot be graded:"));
        for (CellViolation v : e.violations()) {
            err.println(file + ": " + v.path() + ": " + v.found() + "，应为 " + v.expected());
        }
        if (e.more() > 0) {
            err.println("  and " + e.more() + " more (--max-errors-listed lists more)");
        }
    }

    private static MessageDigest digest(byte[] json) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(json);
            return d;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
