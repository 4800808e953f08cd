package govgrade.bench;

import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import govgrade.packs.catalog.PackHome;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time per account as batches grow (county, province, national): the per-batch path of the
 * command line (read the file, bind and validate, derive, fire, rank, summarise, write the
 * pretty JSON) with the pack compiled once, as a long-running service holds it. The command
 * line's fixed costs (JVM start, pack compile) are reported by the cold figures instead.
 */
final class GrowthBench {
    /** One batch size's result. */
    record Point(int accounts, double seconds) {
        double microsPerAccount() {
            return seconds * 1e6 / accounts;
        }
    }

    private final Path home;
    private final Report report;

    GrowthBench(Path home, Report report) {
        this.home = home;
        this.report = report;
    }

    /** {@code batches} in increasing size; small ones repeat more, so each size gets enough time. */
    List<Point> run(List<Path> batches, List<Integer> accounts, int repeats) throws Exception {
        report.section("Growth: time per account, pack compiled once, medians");
        CompiledPack pack = new PackHome(home).load("shangqiu");
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            Path batch = batches.get(i);
            int n = accounts.get(i);
            int times = Math.max(repeats, Math.min(200, 150_000 / n * repeats / 10));
            // Warm-up of at least 5 s per size: a county batch takes milliseconds, and the JIT needs
            // hundreds of them before the code is compiled (the first size would otherwise pay for it).
            long warm = System.nanoTime() + 5_000_000_000L;
            do {
                gradeFile(batch, pack);
            } while (System.nanoTime() < warm);
            Samples s = Samples.series(times, () -> gradeFile(batch, pack));
            Point p = new Point(n, s.medianSeconds());
            points.add(p);
            report.add(String.format(Locale.ROOT, "growth: %,d accounts", n),
                    String.format(Locale.ROOT, "%.2f µs/account", p.microsPerAccount()),
                    Report.seconds(p.seconds()) + " per batch, " + Report.rate(n / p.seconds(), "accounts")
                            + ", heap peak " + s.peaks().heapMb() + "; " + s.spread());
        }
        double min = points.stream().mapToDouble(Point::microsPerAccount).min().orElse(0);
        double max = points.stream().mapToDouble(Point::microsPerAccount).max().orElse(0);
        report.add("growth: slowest / fastest time per account", Report.ratio(max / min), "target within 20% (<= 1.20x)");
        return points;
    }

    /**
     * What GradeCommand does with a file once it has a compiled pack, the result streamed to a
     * writer that drops it (the command's standard output is a pipe; rewriting a file each time
     * cost 3-5 ms of file-system work per batch here, which is no part of grading).
     */
    void gradeFile(Path batch, CompiledPack pack) throws Exception {
        Batch b;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(batch), 1 << 16)) {
            b = BatchReader.read(in, null);
        }
        GradedRun run = Grading.grade(b, pack, "growth");
        ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValue(Writer.nullWriter(), run);
    }
}
