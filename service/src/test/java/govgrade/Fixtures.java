package govgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.packs.CompiledPack;
import govgrade.packs.catalog.PackCache;
import govgrade.packs.catalog.PackHome;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The published circulars under fixtures/, graded with the bundled packs. */
public final class Fixtures {
    public static final List<String> PACKS = List.of("luoshan", "qingshen", "shangnan", "shangqiu", "meixian");
    public static final Path HOME = Path.of(".");
    /** Compiled packs shared by every test in the JVM: each bundled pack version compiles once per run. */
    public static final PackCache PACKS_CACHE = new PackCache();
    private static final PackHome BUNDLED = new PackHome(HOME, PACKS_CACHE);

    private Fixtures() {
    }

    public static Path batch(String pack) {
        return Path.of("fixtures", pack, pack + ".json");
    }

    public static JsonNode expected(String pack) throws Exception {
        return new ObjectMapper().readTree(Path.of("fixtures", pack, pack + ".expected.json").toFile());
    }

    /** Grades a batch file with the packs found under {@code home}. */
    public static GradedRun grade(Path batchFile, Path home) throws Exception {
        Batch batch;
        try (InputStream in = Files.newInputStream(batchFile)) {
            batch = BatchReader.read(in, null);
        }
        PackHome packs = home.equals(HOME) ? BUNDLED : new PackHome(home, PACKS_CACHE);
        CompiledPack pack = packs.load(batch.pack());
        return Grading.grade(batch, pack, "test");
    }

    public static GradedRun grade(String pack) throws Exception {
        return grade(batch(pack), HOME);
    }

    public static GradedRun.Result result(GradedRun run, String id, String channel) {
        return run.results().stream()
                .filter(r -> r.subject().id().equals(id) && r.channel().equals(channel))
                .findFirst().orElseThrow(() -> new AssertionError("no result for " + id + " on " + channel));
    }
}
