package govgrade.cli;

import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import govgrade.published.FiguresRejected;
import govgrade.published.PublishedFigures;
import govgrade.published.PublishedSheet;
import govgrade.published.Reconciler;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reconcile RUN_OR_FILE PUBLISHED}: where a circular's published figures differ from the written rule. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "List every subject where what a circular published differs from the written rule's result, "
                + "with the facts and the rule that decided it.",
        exitCodeListHeading = Exits.HEADING,
        exitCodeList = {"0:compared (differences or not)",
            "1:RUN_OR_FILE is a batch whose pack is unknown, does not compile, or whose rules failed",
            "2:an input cannot be read, or is not a batch, result or published figures", Exits.INTERNAL_LINE})
final class ReconcileCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_OR_FILE",
            description = "a graded result (JSON from grade or GET /api/v1/runs/{run}) or a batch to grade now")
    Path run;

    @Parameters(index = "1", paramLabel = "PUBLISHED",
            description = "what the circular published: JSON like fixtures/<pack>/*.expected.json, or an .xlsx "
                    + "sheet with a name column (名称/单位/账号) and a grade column (等级/评定/结果)")
    Path published;

    @Option(names = "--json", description = "print the comparison as JSON")
    boolean json;

    @Mixin
    Home home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InputFile.require(spec, "RUN_OR_FILE", run);
        InputFile.require(spec, "PUBLISHED", published);
        GradedRun graded;
        try {
            graded = RunInput.load(run, home.dir, err);
        } catch (BatchFile.Refused e) {
            return e.exitCode;
        }
        PublishedFigures figures;
        try (InputStream in = Files.newInputStream(published)) {
            String name = published.getFileName().toString().toLowerCase();
            figures = name.endsWith(".xlsx") || name.endsWith(".xls") ? PublishedSheet.read(in) : PublishedFigures.readJson(in);
        } catch (FiguresRejected e) {
            e.violations().forEach(v -> err.println(published + ": " + v.message()));
            return 2;
        }
        if (figures.pack() != null && !figures.pack().equals(graded.pack().id())) {
            err.println(published + ": pack " + figures.pack() + "'s figures, but the run was graded with pack "
                    + graded.pack().id());
            return 2;
        }
        Reconciler.Report r = Reconciler.compare(graded, figures);
        if (json) {
            ResultJson.writePretty(out, r);
            out.println();
        } else {
            print(out, r);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, Reconciler.Report r) {
        out.printf("%s version %s: %d published figures, %d as the written rule gives, %d differ (%d of them on rows "
                + "the circular marks as known)%n", r.pack(), r.version(), r.figures(), r.reproduced(),
                r.differences().size() + r.knownDifferences().size(), r.knownDifferences().size());
        for (List<Reconciler.Difference> list : List.of(r.differences(), r.knownDifferences())) {
            for (Reconciler.Difference d : list) {
                out.printf("%s [%s] %s: published %s, written rule %s%s%n", d.name(), d.channel(), d.figure(),
                        d.published(), d.graded(), d.known() == null ? "" : "  (known: " + d.known() + ")");
                if (d.because() != null) {
                    for (GradedRun.Because b : d.because()) {
                        out.printf("    rule %s: %s%n", b.rule(), facts(b.facts()));
                    }
                }
            }
        }
    }

    private static String facts(Map<String, Object> facts) {
        return facts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
