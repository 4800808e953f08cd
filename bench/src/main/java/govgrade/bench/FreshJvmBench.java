package govgrade.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The national batch as a user grades it, {@code java -jar govgrade.jar grade FILE > out} in a
 * fresh JVM, beside its baselines in the same run, repeat by repeat: a Jackson parser that only
 * visits the file's tokens (in the bench process, warm), and the plain Python script
 * (bench/python/grade_shangqiu.py) when python3 is there, whose grades are checked against
 * govgrade's. On JDK 17 (the bench's own java) and, when given or installed, on JDK 25 with
 * compact object headers.
 */
final class FreshJvmBench {
    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private static final String SCRIPT = "bench/python/grade_shangqiu.py";
    private static final String WORKBOOK = "decision-tables/shangqiu/shangqiu.xlsx";

    private final Path home;
    private final Path work;
    private final Report report;

    FreshJvmBench(Path home, Path work, Report report) {
        this.home = home;
        this.work = work;
        this.report = report;
    }

    /** {@code times} interleaved repeats; {@code java25}: a JDK 25 java, or null for none. */
    void run(Path batch, int accounts, int times, Path java25) throws Exception {
        boolean python = home.resolve(SCRIPT).toFile().isFile() && onPath("python3");
        Samples jdk17 = new Samples();
        Samples oneJvm = new Samples();
        Samples jdk25 = new Samples();
        Samples parse = new Samples();
        Samples py = new Samples();
        long rss17 = -1;
        long rssOne = -1;
        long rss25 = -1;
        EndToEndBench.streamParse(batch);
        // A big grade records its class archive on its first run; every later run maps it, as these do.
        grade(Child.command(List.of(), "grade", batch.toString(), "--home", home.toString()), new Samples());
        if (java25 != null) {
            grade(jdk25(java25, batch), new Samples());
        }
        for (int i = 0; i < times; i++) {
            rss17 = Math.max(rss17, grade(Child.command(List.of(), "grade", batch.toString(), "--home",
                    home.toString()), jdk17));
            rssOne = Math.max(rssOne, grade(Child.command(List.of(), "grade", batch.toString(), "--home",
                    home.toString(), "--no-jvm-cache"), oneJvm));
            Samples one = Samples.of(1, () -> EndToEndBench.streamParse(batch));
            parse.add(one.median(), one.peaks());
            if (java25 != null) {
                rss25 = Math.max(rss25, grade(jdk25(java25, batch), jdk25));
            }
            if (python) {
                Child.Result r = Child.run(List.of("python3", home.resolve(SCRIPT).toString(), batch.toString(),
                        home.resolve(WORKBOOK).toString()), work.resolve("python-out.json"),
                        work.resolve("python-err.txt"), 1800);
                if (r.exitCode() != 0) {
                    throw new IllegalStateException("python exited " + r.exitCode() + ": "
                            + Files.readString(work.resolve("python-err.txt")));
                }
                py.add(r.nanos(), new Memory.Peaks(-1, r.peakRssBytes()));
            }
        }
        double s = jdk17.medianSeconds();
        double p = parse.medianSeconds();
        report.add("national: java -jar govgrade.jar grade, fresh JVM, JDK 17", Report.seconds(s),
                Report.rate(accounts / s, "accounts") + "; target <= 6 s; " + jdk17.spread());
        report.add("  peak RSS of that process and the JVM it starts again (VmHWM)", Memory.mb(rss17),
                "target <= 1 GB");
        report.add("  same in the first JVM (--no-jvm-cache: G1, no class archive)",
                Report.seconds(oneJvm.medianSeconds()), oneJvm.spread() + "; peak RSS " + Memory.mb(rssOne));
        report.add("  baseline: Jackson token-only parse, same file, same run", Report.seconds(p), parse.spread());
        report.add("  fresh JVM / token-only parse", Report.ratio(s / p), "target <= 5x");
        if (java25 != null) {
            double t = jdk25.medianSeconds();
            report.add("national: same, fresh JVM, JDK 25 -XX:+UseCompactObjectHeaders", Report.seconds(t),
                    java25 + "; target <= 6 s; " + jdk25.spread());
            report.add("  peak RSS of that process and the JVM it starts again (VmHWM)", Memory.mb(rss25),
                    "target <= 1 GB");
            report.add("  JDK 25 fresh JVM / token-only parse", Report.ratio(t / p), "target <= 5x");
        }
        if (python) {
            double q = py.medianSeconds();
            report.add("baseline: plain Python script, same rules, no explanations", Report.seconds(q),
                    SCRIPT + "; " + py.spread());
            report.add("  Python / govgrade fresh JVM (JDK 17)", Report.ratio(q / s), "target >= 4x");
            report.add("  grades and problems that agree with govgrade's", agreement(), "every account should");
        } else {
            report.add("baseline: plain Python script", "not run", "python3 or " + SCRIPT + " not found");
        }
    }

    private List<String> jdk25(Path java25, Path batch) {
        List<String> cmd = new ArrayList<>(Child.command(List.of("-XX:+UseCompactObjectHeaders"), "grade",
                batch.toString(), "--home", home.toString()));
        cmd.set(0, java25.toString());
        return cmd;
    }

    private long grade(List<String> cmd, Samples into) throws Exception {
        Child.Result r = Child.run(cmd, work.resolve("cold-out.json"), work.resolve("cold-err.txt"), 600);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("grade exited " + r.exitCode() + ": "
                    + Files.readString(work.resolve("cold-err.txt")));
        }
        into.add(r.nanos(), new Memory.Peaks(-1, r.peakRssBytes()));
        return r.peakRssBytes();
    }

    private String agreement() throws Exception {
        Process p = new ProcessBuilder("python3", home.resolve(SCRIPT).toString(), "--agree",
                work.resolve("python-out.json").toString(), work.resolve("cold-out.json").toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor() == 0 ? said.replace("agree ", "") : "failed: " + said;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
