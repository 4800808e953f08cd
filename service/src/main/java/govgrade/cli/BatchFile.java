package govgrade.cli;

import govgrade.derive.PastPeriod;
import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.facts.Violation;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.packs.catalog.PackHome;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A batch file graded with the packs under a home folder: what {@code grade} prints and
 * {@code report} tabulates, so both grade a file the same way and refuse it in the same words.
 */
final class BatchFile {
    static final int BAD_BATCH = Exits.BAD_INPUT;
    static final int BAD_PACK = Exits.FAILED;

    /** The file could not be graded; why is already written to standard error. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        Refused(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    private BatchFile() {
    }

    static GradedRun grade(Path file, Path home, PrintWriter err) throws Refused, IOException {
        return grade(file, home, BatchLimits.DEFAULTS, err, Progress.off());
    }

    static GradedRun grade(Path file, Path home, BatchLimits limits, PrintWriter err, Progress progress)
            throws Refused, IOException {
        return grade(file, List.of(), new PackHome(home), limits, err, progress);
    }

    /**
     * As above, with earlier periods read from result files ({@link EarlierFiles}), the batch's own
     * winning, and the packs of {@code registry} (which may read compiled packs back, {@link GradeCache}).
     */
    static GradedRun grade(Path file, List<Path> earlierFiles, PackHome registry, BatchLimits limits,
                           PrintWriter err, Progress progress) throws Refused, IOException {
        if (FactsFile.isWorkbook(file)) {
            return FactsFile.grade(file, earlierFiles, registry, limits, err);
        }
        EarlyPack early = EarlyPack.start(file, registry);
        FileHash hash = FileHash.start(file);
        Batch batch;
        long length;
        try (Progress.Step step = progress.step("reading " + file.getFileName(), Files.size(file));
             CountingInput counted = new CountingInput(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                     step);
             InputStream in = hash.reading(counted)) {
            batch = BatchReader.readAhead(new KeepOpen(in), () -> Files.newInputStream(file), null, limits);
            in.transferTo(OutputStream.nullOutputStream());
            length = counted.count();
        } catch (BatchRejected e) {
            err.println(file + (e.overLimit() ? ": the batch is over a limit and cannot be graded:"
                    : ": the batch cannot be graded:"));
            for (Violation v : e.violations()) {
                err.println("  " + v.message());
            }
            if (e.more() > 0) {
                err.println("  and " + e.more() + " more (--max-errors-listed lists more)");
            }
            throw new Refused(BAD_BATCH);
        }
        List<PastPeriod> earlier = EarlierFiles.read(earlierFiles, batch.pack(), limits.earlierPeriods(), err);
        CompiledPack pack;
        try (Progress.Step step = progress.step("compiling pack " + batch.pack(), 0)) {
            pack = early.load(batch.pack(), registry);
        } catch (UnknownPack e) {
            err.println(e.getMessage());
            throw new Refused(BAD_PACK);
        } catch (PackRejected e) {
            err.println("pack " + e.pack() + " does not compile:");
            for (PackError pe : e.errors()) {
                err.println("  " + pe.describe());
            }
            throw new Refused(BAD_PACK);
        }
        try {
            pack.figures().check(batch, pack.id(), limits.errorsListed());
        } catch (BatchRejected e) {
            err.println(file + ": the batch cannot be graded with pack " + pack.id() + ":");
            for (Violation v : e.violations()) {
                err.println("  " + v.message());
            }
            throw new Refused(BAD_BATCH);
        }
        try (Progress.Step step = progress.step("grading " + subjects(batch), 0)) {
            return Grading.grade(batch, earlier, limits.earlierPeriods(), pack,
                    localRunId(hash.digest(length), pack.version()),
                    Budgets.DEFAULTS);
        } catch (EvaluationFailed e) {
            err.println(e.getMessage());
            throw new Refused(BAD_PACK);
        }
    }

    private static String subjects(Batch batch) {
        int accounts = batch.accounts() == null ? 0 : batch.accounts().size();
        int units = batch.units() == null ? 0 : batch.units().size();
        return String.format(Locale.ROOT, "%,d accounts and %,d units", accounts, units);
    }

    /**
     * A run graded on the command line is not stored; its id names what was graded under what.
     * {@code batch} has seen the batch file's bytes.
     */
    static String localRunId(MessageDigest batch, String version) {
        batch.update(version.getBytes(StandardCharsets.US_ASCII));
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
