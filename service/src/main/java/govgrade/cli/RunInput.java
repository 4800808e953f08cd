package govgrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import govgrade.runs.WhatIf;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file on the command line: a graded result or a what-if answer (read back as written), or a
 * batch (graded now, as {@code grade} grades it). What it is is told by its fields.
 */
final class RunInput {
    private RunInput() {
    }

    /** What a file holds once read: exactly one of the two is set. */
    record Read(GradedRun run, WhatIf whatIf) {
    }

    /** A graded result, or the batch in {@code file} graded now. */
    static GradedRun load(Path file, Path home, PrintWriter err) throws BatchFile.Refused, IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode top = ResultJson.mapper().readTree(bytes);
        if (isGradedResult(top)) {
            return ResultJson.read(top, GradedRun.class);
        }
        return BatchFile.grade(file, home, err);
    }

    /**
     * As {@link #load}, also taking a what-if answer. {@code top}: the file already parsed, null
     * where it is not JSON (grading it then says where it breaks).
     */
    static Read load(JsonNode top, Path file, Path home, PrintWriter err) throws BatchFile.Refused, IOException {
        if (isGradedResult(top)) {
            return new Read(ResultJson.read(top, GradedRun.class), null);
        }
        if (isWhatIf(top)) {
            return new Read(null, ResultJson.read(top, WhatIf.class));
        }
        return new Read(BatchFile.grade(file, home, err), null);
    }

    static boolean isGradedResult(JsonNode top) {
        return top != null && top.isObject() && top.has("results") && top.has("summaries");
    }

    static boolean isWhatIf(JsonNode top) {
        return top != null && top.isObject() && top.has("changes") && top.has("base") && top.has("against");
    }
}
