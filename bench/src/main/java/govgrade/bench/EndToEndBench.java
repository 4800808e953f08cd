package govgrade.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import govgrade.cli.Main;
import govgrade.derive.DerivedBatch;
import govgrade.derive.Deriver;
import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.grading.PrettyRun;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import govgrade.packs.catalog.PackHome;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The national batch through the command-line path, beside a parser that only visits tokens,
 * and the grading stage beside bare Drools firing the same pack on the same derived facts.
 * Pairs run interleaved in one process, so load from other work hits both alike.
 */
final class EndToEndBench {
    private static final JsonFactory TOKENS = new JsonFactory();

    private final Path home;
    private final Path work;
    private final int repeats;
    private final Report report;

    EndToEndBench(Path home, Path work, int repeats, Report report) {
        this.home = home;
        this.work = work;
        this.repeats = repeats;
        this.report = report;
    }

    /** The figures for one batch file of {@code accounts} accounts. */
    void run(Path batch, int accounts) throws Exception {
        report.section("End to end: " + accounts + " accounts, " + Files.size(batch) / (1024 * 1024) + " MB of JSON, "
                + repeats + " repeats, medians");
        // Warm-up: the first grading in a JVM compiles the pack and the JIT has seen nothing yet.
        cli(batch);
        streamParse(batch);

        Samples e2e = new Samples();
        Samples parse = new Samples();
        Samples bind = new Samples();
        Samples chars = new Samples();
        for (int i = 0; i < repeats; i++) {
            time(e2e, () -> cli(batch));
            time(parse, () -> streamParse(batch));
            time(bind, () -> read(batch));
            time(chars, () -> readChars(batch));
        }
        double e = e2e.medianSeconds();
        double p = parse.medianSeconds();
        report.add("e2e: CLI grade, in process (pack compiled warm)", Report.seconds(e),
                Report.rate(accounts / e, "accounts") + ", heap peak " + e2e.peaks().heapMb() + "; " + e2e.spread());
        report.add("baseline: Jackson streaming parse, tokens only", Report.seconds(p),
                "heap peak " + parse.peaks().heapMb() + "; " + parse.spread());
        report.add("e2e / streaming parse", Report.ratio(e / p), "in process, pack compiled warm");
        report.add("  of which: bind + validate, as grade reads (bytes, a second thread)",
                Report.seconds(bind.medianSeconds()), "heap peak " + bind.peaks().heapMb() + "; " + bind.spread());
        report.add("  same, read as a stream of characters (BatchReader.read)", Report.seconds(chars.medianSeconds()),
                "heap peak " + chars.peaks().heapMb() + "; " + chars.spread());

        Batch parsed = read(batch);
        CompiledPack pack = new PackHome(home).load(parsed.pack());
        DerivedBatch derived = Deriver.derive(parsed);
        Samples grading = new Samples();
        Samples bare = new Samples();
        Samples derive = new Samples();
        Samples json = new Samples();
        Samples whole = new Samples();
        Samples chunked = new Samples();
        Grading.grade(parsed, pack, "bench");
        fireBare(pack, derived);
        for (int i = 0; i < repeats; i++) {
            time(grading, () -> Grading.grade(parsed, pack, "bench"));
            time(bare, () -> fireBare(pack, derived));
            time(derive, () -> Deriver.derive(parsed));
        }
        GradedRun graded = Grading.grade(parsed, pack, "bench");
        for (int i = 0; i < repeats; i++) {
            time(json, () -> writeJson(graded));
            time(whole, () -> printJson(graded, false));
            time(chunked, () -> printJson(graded, true));
        }
        double g = grading.medianSeconds();
        double b = bare.medianSeconds();
        report.add("grading stage (derive, fire, rank, summarise)", Report.seconds(g),
                Report.rate(accounts / g, "accounts") + "; " + grading.spread());
        report.add("bare Drools: same pack, derived facts, fire", Report.seconds(b),
                Report.rate(accounts / b, "accounts") + "; " + bare.spread());
        report.add("grading stage / bare Drools", Report.ratio(g / b), "target <= 1.5x");
        report.add("  of which: derive", Report.seconds(derive.medianSeconds()), "");
        report.add("  write JSON (pretty, to bytes)", Report.seconds(json.medianSeconds()), "");
        report.add("  print JSON as grade did (one thread, UTF-8 writer)", Report.seconds(whole.medianSeconds()),
                whole.spread());
        report.add("  print JSON as grade does (chunks on every core)", Report.seconds(chunked.medianSeconds()),
                chunked.spread() + "; same characters: " + sameText());
        report.add("process peak RSS so far (VmHWM)", Memory.mb(Memory.statusKb(Path.of("/proc/self/status"), "VmHWM:")
                * 1024), "whole bench process, all stages");
    }

    private static void time(Samples into, Samples.Body body) throws Exception {
        Samples one = Samples.of(1, body);
        into.add(one.median(), one.peaks());
    }

    private void cli(Path batch) throws Exception {
        Path out = work.resolve("e2e-out.json");
        // Not closed: it wraps System.err.
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try (PrintWriter o = new PrintWriter(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                StandardCharsets.UTF_8), 1 << 16))) {
            int code = Main.run(o, err, "grade", batch.toString(), "--home", home.toString());
            if (code != 0) {
                throw new IllegalStateException("grade exited " + code);
            }
        }
    }

    static long streamParse(Path batch) throws Exception {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(batch); JsonParser p = TOKENS.createParser(in)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /** As {@code grade} reads a file: its bytes read and checked on a thread of their own, parsed as bytes. */
    static Batch read(Path batch) throws Exception {
        try (InputStream in = Files.newInputStream(batch)) {
            return BatchReader.readAhead(in, () -> Files.newInputStream(batch), null, BatchLimits.DEFAULTS);
        }
    }

    /** As a stream of characters on one thread: what grade did before round 5, and how a refusal is worded. */
    static Batch readChars(Path batch) throws Exception {
        try (InputStream in = Files.newInputStream(batch)) {
            return BatchReader.read(in, null);
        }
    }

    static void fireBare(CompiledPack pack, DerivedBatch derived) {
        List<Object> facts = derived.facts();
        facts.add(pack.criteria());
        StatelessKieSession session = pack.kieBase().newStatelessKieSession();
        session.execute(facts);
    }

    /** The result as {@code grade} printed it before round 3 ({@code chunked} false) and as it does now. */
    private void printJson(GradedRun run, boolean chunked) throws Exception {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(printed(chunked)),
                StandardCharsets.UTF_8), 1 << 16)) {
            if (chunked) {
                PrettyRun.write(out, run);
            } else {
                ResultJson.writePretty(out, run);
            }
        }
    }

    private Path printed(boolean chunked) {
        return work.resolve(chunked ? "printed-chunked.json" : "printed-whole.json");
    }

    private boolean sameText() throws Exception {
        return Files.mismatch(printed(false), printed(true)) < 0;
    }

    private void writeJson(GradedRun run) throws Exception {
        try (OutputStream out = Files.newOutputStream(work.resolve("json-out.json"))) {
            ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, run);
        }
    }
}
