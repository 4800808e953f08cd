package govgrade.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark: generated batches graded end to end, growth with batch size, HTTP load, pack
 * compile and start-up, all figures with their targets, printed and written as Markdown beside
 * the time-per-account plot.
 */
public final class Bench {
    /** The parts one can pick. */
    public enum Part { E2E, GROWTH, HTTP, COMPILE, STARTUP, INSTANCES }

    /** Checked on construction, then fixed. */
    public record Options(Set<Part> parts, List<Integer> sizes, int repeats, int seconds, int clients, long seed,
                          Path home, Path work, Path out, boolean cold, boolean cds, String pg, Path java25,
                          List<Path> jars, List<String> serveJvm, int rounds) {
        public Options {
            parts = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
            sizes = List.copyOf(sizes);
            jars = List.copyOf(jars);
            serveJvm = List.copyOf(serveJvm);
            if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("sizes must be one or more account counts >= 1, not " + sizes);
            }
            if (repeats < 1 || seconds < 1 || clients < 1 || rounds < 1) {
                throw new IllegalArgumentException("repeats, seconds, clients and rounds must be >= 1");
            }
            if (parts.contains(Part.INSTANCES) && (pg == null || pg.isBlank())) {
                throw new IllegalArgumentException("instances needs --pg: a JDBC URL of a PostgreSQL user who may "
                        + "create databases");
            }
        }

        int largest() {
            return sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }
    }

    private Bench() {
    }

    public static void run(Options o, PrintWriter out) throws Exception {
        Files.createDirectories(o.work());
        Files.createDirectories(o.out());
        Report report = new Report(out);
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "govgrade bench, %s: %d cores, max heap %s, Java %s, %s%n", LocalDate.now(),
                rt.availableProcessors(), Memory.mb(rt.maxMemory()), System.getProperty("java.version"), o.parts());
        if (o.parts().contains(Part.E2E)) {
            EndToEndBench e2e = new EndToEndBench(o.home(), o.work(), o.repeats(), report);
            Path national = batch(o, o.largest(), out);
            e2e.run(national, o.largest());
            if (o.cold()) {
                new FreshJvmBench(o.home(), o.work(), report).run(national, o.largest(), Math.min(3, o.repeats()),
                        o.java25());
            }
        }
        if (o.parts().contains(Part.GROWTH)) {
            List<Path> files = new ArrayList<>();
            List<Integer> sizes = o.sizes().stream().sorted().toList();
            for (int n : sizes) {
                files.add(batch(o, n, out));
            }
            List<GrowthBench.Point> points = new GrowthBench(o.home(), report).run(files, sizes, o.repeats());
            Path png = Plot.timePerAccount(points, LocalDate.now() + ", " + rt.availableProcessors() + " cores", o.out());
            report.add("plot", png.toString(), "");
        }
        if (o.parts().contains(Part.HTTP)) {
            List<byte[]> county = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                county.add(generate(new BatchGenerator.Spec(BatchGenerator.Size.COUNTY.accounts(), o.seed() + i)));
            }
            if (o.jars().isEmpty()) {
                new HttpLoadBench(o.home(), o.work(), report).run(county, o.clients(), o.seconds());
            } else {
                new ServeComparison(o.home(), o.work(), report).run(county, o.clients(), o.seconds(), o.rounds(),
                        o.jars(), o.serveJvm());
            }
        }
        if (o.parts().contains(Part.INSTANCES)) {
            List<byte[]> county = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                county.add(generate(new BatchGenerator.Spec(BatchGenerator.Size.COUNTY.accounts(), o.seed() + i)));
            }
            new InstancesBench(o.home(), o.work(), report).run(county, o.clients(), o.seconds(), o.pg());
        }
        if (o.parts().contains(Part.COMPILE) || o.parts().contains(Part.STARTUP)) {
            startup(o, report);
        }
        report.printTable();
    }

    private static void startup(Options o, Report report) throws Exception {
        StartupBench bench = new StartupBench(o.home(), o.work(), report);
        List<byte[]> batches = new ArrayList<>();
        batches.add(generate(new BatchGenerator.Spec(BatchGenerator.Size.COUNTY.accounts(), o.seed())));
        for (String pack : List.of("luoshan", "qingshen", "shangnan", "meixian", "wuding", "xining-chengzhong")) {
            Path fixture = fixture(o.home().resolve("fixtures").resolve(pack), pack);
            if (fixture != null) {
                batches.add(Files.readAllBytes(fixture));
            }
        }
        int times = Math.min(3, o.repeats());
        List<String> cds = o.cds() ? List.of("-XX:SharedArchiveFile=" + bench.cdsArchive(batches)) : List.of();
        if (o.parts().contains(Part.COMPILE)) {
            bench.compile("shangqiu", times, List.of(), "");
            if (o.cds()) {
                bench.compile("shangqiu", times, cds, ", AppCDS");
            }
        }
        if (o.parts().contains(Part.STARTUP)) {
            bench.launches(batches, times, StartupBench.javas(o.java25() == null ? null : o.java25().getParent().getParent()),
                    otherJar(o.jars()));
            bench.launch(batches, times, List.of(), "");
            if (o.cds()) {
                bench.launch(batches, times, cds, ", AppCDS");
            }
        }
    }

    /** The first {@code --jar} that is not the product's own: the build launched beside it (null: none). */
    private static Path otherJar(List<Path> jars) throws IOException {
        Path product = Child.productJar().toAbsolutePath().normalize();
        for (Path j : jars) {
            if (!Files.isSameFile(j.toAbsolutePath().normalize(), product)) {
                return j;
            }
        }
        return null;
    }

    /** {@code <pack>.json}, else the first batch beside a {@code .expected.json} (packs with one per period). */
    private static Path fixture(Path dir, String pack) throws IOException {
        Path own = dir.resolve(pack + ".json");
        if (Files.isRegularFile(own)) {
            return own;
        }
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".expected.json")).sorted().findFirst()
                    .map(p -> p.resolveSibling(p.getFileName().toString().replace(".expected.json", ".json")))
                    .filter(Files::isRegularFile).orElse(null);
        }
    }

    /** A generated batch file, written once per size, seed and generator format, then reused. */
    static Path batch(Options o, int accounts, PrintWriter log) throws IOException {
        Path file = o.work().resolve("batch-" + accounts + "-" + o.seed() + "-f" + BatchGenerator.FORMAT + ".json");
        if (!Files.isRegularFile(file)) {
            Path tmp = Files.createTempFile(o.work(), "batch", ".part");
            BatchGenerator.Written w;
            try (OutputStream s = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                w = BatchGenerator.write(new BatchGenerator.Spec(accounts, o.seed()), s);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            log.printf(Locale.ROOT, "generated %s: %,d accounts, %,d posts, %,d stale%n", file, w.accounts(),
                    w.posts(), w.staleAccounts());
            log.flush();
        }
        return file;
    }

    static byte[] generate(BatchGenerator.Spec spec) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        BatchGenerator.write(spec, b);
        return b.toByteArray();
    }
}
