package govgrade.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on the command line that is either a graded result (kept as it is) or a batch (graded now). */
final class RunInput {
    private RunInput() {
    }

    static GradedRun load(Path file, Path home, PrintWriter err) throws BatchFile.Refused, IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode top = ResultJson.mapper().readTree(bytes);
        if (ReportCommand.isGradedResult(top)) {
            return ResultJson.mapper().readerFor(GradedRun.class)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(bytes);
        }
        return BatchFile.grade(file, home, err);
    }
}
