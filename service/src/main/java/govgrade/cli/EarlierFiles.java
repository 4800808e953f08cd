package govgrade.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.derive.PastPeriod;
import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The earlier periods {@code grade --earlier FILE} reads: each file a result as {@code grade}
 * printed it (or a run as the service answered it), never a batch: a batch has no grades or
 * problems, and its months go in its own {@code earlier} list. Grades and problem codes come from
 * the results, figures from what the results carry (the figures its rules read).
 */
final class EarlierFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A result file larger than this is not read: a national result is about 85 MB. */
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private EarlierFiles() {
    }

    static List<PastPeriod> read(List<Path> files, String pack, int limit, PrintWriter err)
            throws BatchFile.Refused, IOException {
        if (files.size() > limit) {
            err.println("--earlier: " + files.size() + " files; at most " + limit
                    + " earlier periods (raise with --max-earlier-periods)");
            throw new BatchFile.Refused(BatchFile.BAD_BATCH);
        }
        List<PastPeriod> out = new ArrayList<>(files.size());
        for (Path f : files) {
            out.add(period(f, pack, err));
        }
        return out;
    }

    private static PastPeriod period(Path file, String pack, PrintWriter err) throws BatchFile.Refused, IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
            return refuse(err, file, Files.isRegularFile(file) ? "larger than 256 MB"
                    : Files.isDirectory(file) ? "a folder, not a file" : "no such file");
        }
        GradedRun run;
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            if (tree == null || !tree.isObject() || !tree.has("results") || !tree.has("period")) {
                return refuse(err, file, tree != null && tree.has("units") ? "a fact batch, not a result: give the "
                        + "result grade printed for that period, or carry the period in the batch's \"earlier\" list"
                        : "not a result as grade prints it (no period and results)");
            }
            run = ResultJson.read(tree, GradedRun.class);
        } catch (JsonProcessingException e) {
            return refuse(err, file, "not a result as grade prints it: " + e.getOriginalMessage());
        }
        if (run.pack() == null || !pack.equals(run.pack().id())) {
            return refuse(err, file, "a result of pack " + (run.pack() == null ? "none" : run.pack().id())
                    + ", not of " + pack);
        }
        if (run.period() == null || run.period().from() == null || run.period().to() == null
                || run.period().to().isBefore(run.period().from())) {
            return refuse(err, file, "a result without a whole period (from, to)");
        }
        Map<String, PastPeriod.PastResult> results = new HashMap<>();
        for (GradedRun.Result r : run.results()) {
            List<String> codes = new ArrayList<>();
            for (GradedRun.ProblemOut p : r.problems()) {
                if (!codes.contains(p.code())) {
                    codes.add(p.code());
                }
            }
            results.put(PastPeriod.key(r.subject().type(), r.subject().id(), r.channel()),
                    new PastPeriod.PastResult(r.grade(), List.copyOf(codes), figures(r.figures())));
        }
        return new PastPeriod(run.period().from(), run.period().to(), run.run(), results);
    }

    private static Map<String, BigDecimal> figures(GradedRun.Figures f) {
        Map<String, BigDecimal> out = new HashMap<>();
        if (f == null) {
            return out;
        }
        JsonNode tree = JSON.valueToTree(f);
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().decimalValue());
            }
        }
        return out;
    }

    private static PastPeriod refuse(PrintWriter err, Path file, String why) throws BatchFile.Refused {
        err.println("--earlier " + file + ": " + why);
        throw new BatchFile.Refused(BatchFile.BAD_BATCH);
    }
}
