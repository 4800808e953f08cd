package govgrade.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import govgrade.facts.BatchLimits;
import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import govgrade.runs.WhatIf;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A file on the command line: a graded result or a what-if answer (read back as written), or a
 * batch (graded now, as {@code grade} grades it). What it is is told by its fields.
 *
 * <p>The file is never held whole: a national result is about 100 MB of JSON, several times that
 * as a tree, so its top-level names are scanned first and the file is then bound as it is read.
 */
final class RunInput {
    private static final JsonFactory JSON = new JsonFactory();

    private RunInput() {
    }

    /** What a file holds, by the names of its top-level fields. */
    enum Kind {
        RESULT, WHAT_IF,
        /** A batch, or anything else: grading it says what is wrong with it. */
        OTHER
    }

    /** What a file holds once read: exactly one of the two is set. */
    record Read(GradedRun run, WhatIf whatIf) {
    }

    /** A graded result, or the batch in {@code file} graded now. */
    static GradedRun load(Path file, Path home, PrintWriter err) throws BatchFile.Refused, IOException {
        if (kind(file, Progress.off()) == Kind.RESULT) {
            return whole(bind(file, GradedRun.class, Progress.off()));
        }
        return BatchFile.grade(file, home, err);
    }

    /** As {@link #load(Path, Path, PrintWriter)}, also taking a what-if answer; {@code kind} is {@link #kind}'s. */
    static Read load(Kind kind, Path file, Path home, PrintWriter err, Progress progress)
            throws BatchFile.Refused, IOException {
        return switch (kind) {
            case RESULT -> new Read(whole(bind(file, GradedRun.class, progress)), null);
            case WHAT_IF -> new Read(null, whole(bind(file, WhatIf.class, progress)));
            case OTHER -> new Read(BatchFile.grade(file, home, BatchLimits.DEFAULTS, err, progress), null);
        };
    }

    /**
     * What {@code file} holds, from one pass over its tokens that keeps only the top-level names.
     * Throws only where the file cannot be read; a file that is not JSON is {@link Kind#OTHER}.
     */
    static Kind kind(Path file, Progress progress) throws IOException {
        Set<String> names = new HashSet<>();
        try (Progress.Step step = progress.step("scanning " + file.getFileName(), Files.size(file));
             InputStream in = new CountingInput(new BufferedInputStream(Files.newInputStream(file), 1 << 16), step);
             JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Kind.OTHER;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                names.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        } catch (JsonProcessingException e) {
            return Kind.OTHER;
        }
        if (names.contains("results") && names.contains("summaries")) {
            return Kind.RESULT;
        }
        if (names.contains("changes") && names.contains("base") && names.contains("against")) {
            return Kind.WHAT_IF;
        }
        return Kind.OTHER;
    }

    /** A result whose lists are null ({@code "results": null}) is the file's mistake, not a bug of the command. */
    private static GradedRun whole(GradedRun run) throws JsonMappingException {
        if (run.results() == null || run.summaries() == null) {
            throw JsonMappingException.from((JsonParser) null, "a graded result needs a \"results\" and a "
                    + "\"summaries\" list");
        }
        return run;
    }

    private static WhatIf whole(WhatIf answer) throws JsonMappingException {
        if (answer.changes() == null) {
            throw JsonMappingException.from((JsonParser) null, "a what-if answer needs a \"changes\" list");
        }
        return answer;
    }

    private static <T> T bind(Path file, Class<T> type, Progress progress) throws IOException {
        try (Progress.Step step = progress.step("reading " + file.getFileName(), Files.size(file));
             InputStream in = new CountingInput(new BufferedInputStream(Files.newInputStream(file), 1 << 16), step)) {
            return ResultJson.read(in, type);
        }
    }
}
