package govgrade.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackRegistry;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on the command line that is either a graded result (kept as it is) or a batch (graded now). */
final class RunInput {
    private RunInput() {
    }

    static GradedRun load(Path file, Path home) throws IOException, BatchRejected, UnknownPack, PackRejected {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode tree = ResultJson.mapper().readTree(bytes);
        if (tree != null && tree.has("results") && tree.has("pack") && tree.get("pack").isObject()) {
            return ResultJson.mapper().readerFor(GradedRun.class)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(bytes);
        }
        Batch batch = BatchReader.read(new ByteArrayInputStream(bytes), null);
        CompiledPack pack = new PackRegistry(home).load(batch.pack());
        try {
            return Grading.grade(batch, pack, GradeCommand.localRunId(bytes, pack.version()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
