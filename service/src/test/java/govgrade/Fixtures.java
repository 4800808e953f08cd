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
import govgrade.published.PackTests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The published circulars under fixtures/, graded with the bundled packs. */
public final class Fixtures {
    public static final Path HOME = Path.of(".");
    /**
     * Every pack of the repository: the folders under rules-drl/ and decision-tables/, read from
     * disk, so a pack added there is graded by every test that goes over the packs.
     */
    public static final List<String> PACKS = folders("rules-drl", "decision-tables");
    /** The five circulars bundled from the start, whose figures the acceptance script counts. */
    public static final List<String> BUNDLED_FIVE = List.of("luoshan", "meixian", "qingshen", "shangnan", "shangqiu");
    /** Compiled packs shared by every test in the JVM: each bundled pack version compiles once per run. */
    public static final PackCache PACKS_CACHE = new PackCache();
    private static final PackHome BUNDLED = new PackHome(HOME, PACKS_CACHE);

    private Fixtures() {
    }

    /** Folder names under the given folders of the repository, sorted, each once. */
    public static List<String> folders(String... roots) {
        TreeSet<String> names = new TreeSet<>();
        for (String root : roots) {
            Path dir = HOME.resolve(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(names);
    }

    /** Every fixture with published figures: each {@code fixtures/<pack>/<name>.expected.json}, with its batch beside it. */
    public static List<Path> expectedFiles() {
        List<Path> all = new ArrayList<>();
        for (String pack : folders("fixtures")) {
            try {
                all.addAll(PackTests.expectedFiles(HOME.resolve("fixtures").resolve(pack)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** The pack's batch: {@code fixtures/<pack>/<pack>.json}, else its first fixture with published figures. */
    public static Path batch(String pack) {
        Path own = Path.of("fixtures", pack, pack + ".json");
        if (Files.exists(own)) {
            return own;
        }
        return expectedFiles().stream().filter(e -> e.getParent().getFileName().toString().equals(pack))
                .map(PackTests::batchOf).findFirst().orElse(own);
    }

    public static JsonNode expected(String pack) throws Exception {
        Path b = batch(pack);
        return new ObjectMapper().readTree(b.resolveSibling(b.getFileName().toString().replace(".json", ".expected.json"))
                .toFile());
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
