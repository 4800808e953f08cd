package govgrade.packs.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackCopy;
import govgrade.packs.PackSource;
import govgrade.packs.build.PackBuilder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiled packs kept as files: read back by a later process instead of compiled, grading the
 * same, and never used when the files changed, another build wrote them, or they were damaged.
 */
class RuleBaseFilesTest {
    private static final String PACK = "shangqiu";
    @TempDir
    static Path home;
    private static PackSource source;
    private static byte[] compiledResult;

    @BeforeAll
    static void compileOnce() throws Exception {
        PackCopy.copy(PACK, home);
        source = new PackHome(home).read(PACK);
        compiledResult = graded(PackBuilder.build(source));
    }

    private static byte[] graded(CompiledPack pack) throws Exception {
        Batch batch;
        try (InputStream in = Files.newInputStream(Fixtures.batch(PACK))) {
            batch = BatchReader.read(in, null);
        }
        return ResultJson.write(Grading.grade(batch, pack, "test"));
    }

    private static PackCache cacheOver(Path folder) {
        return new PackCache(4, Budgets.DEFAULTS, new RuleBaseFiles(folder));
    }

    private static Path onlyFile(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.toList();
            assertEquals(1, files.size(), "files: " + files);
            return files.get(0);
        }
    }

    @Test
    void aPackCompiledInOneProcessIsReadBackInTheNextAndGradesByteForByteTheSame(@TempDir Path folder) throws Exception {
        cacheOver(folder).compile(source);
        Path file = onlyFile(folder);
        assertTrue(file.getFileName().toString().contains(source.version()), file.toString());
        assertTrue(new RuleBaseFiles(folder).read(source).isPresent());

        CompiledPack readBack = cacheOver(folder).compile(source);
        assertEquals(source.version(), readBack.version());
        assertArrayEquals(compiledResult, graded(readBack));
    }

    @Test
    void restoringNeedsNoCompilerAndGivesTheSameCriteriaAndRules() throws Exception {
        CompiledPack built = PackBuilder.build(source);
        CompiledPack restored = PackBuilder.restore(source, PackBuilder.stored(built), Budgets.DEFAULTS);
        assertEquals(built.ruleCount(), restored.ruleCount());
        assertEquals(built.criteria().asMap(), restored.criteria().asMap());
        assertEquals(built.criteria().displayName(), restored.criteria().displayName());
        assertEquals(built.figures(), restored.figures());
    }

    @Test
    void onlyTheMostRecentlyUsedFilesAreKept(@TempDir Path folder) throws Exception {
        RuleBaseFiles files = new RuleBaseFiles(folder);
        List<PackSource> versions = new ArrayList<>();
        for (int i = 0; i <= RuleBaseFiles.KEPT; i++) {
            PackSource v = new PackSource(PACK, source.files(), String.format("%016x", i), source.codeVersion());
            versions.add(v);
            files.write(v, new byte[] {(byte) i});
            Path written = files.file(v);
            Files.setLastModifiedTime(written, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        // One too many: the oldest went, unless it was read since (reading is using).
        assertEquals(RuleBaseFiles.KEPT, Files.list(folder).count());
        assertTrue(files.read(versions.get(0)).isEmpty(), "the oldest was dropped");
        assertTrue(files.read(versions.get(1)).isPresent(), "read, so now the most recently used");
        files.write(versions.get(0), new byte[] {0});
        assertTrue(files.read(versions.get(1)).isPresent());
        assertTrue(files.read(versions.get(2)).isEmpty(), "the least recently used went next");
    }

    @Nested
    class NotUsed {
        @Test
        void whenAFileOfThePackChanged(@TempDir Path folder, @TempDir Path other) throws Exception {
            cacheOver(folder).compile(source);
            PackCopy.copy(PACK, other);
            Path drl;
            try (Stream<Path> s = Files.list(other.resolve(PackSource.DRL_DIR).resolve(PACK))) {
                drl = s.filter(p -> p.toString().endsWith(".drl")).findFirst().orElseThrow();
            }
            Files.writeString(drl, "\n// edited\n", StandardOpenOption.APPEND);
            PackSource changed = new PackHome(other).read(PACK);
            assertNotEquals(source.version(), changed.version());
            assertTrue(new RuleBaseFiles(folder).read(changed).isEmpty());
        }

        @Test
        void whenTheSameVersionNameHasOtherBytes(@TempDir Path folder) throws Exception {
            cacheOver(folder).compile(source);
            // A stored version keeps its old id over files that may differ: the bytes' hash is checked too.
            var files = new java.util.TreeMap<>(source.files());
            String first = files.firstKey();
            files.put(first, (new String(files.get(first), StandardCharsets.ISO_8859_1) + " ")
                    .getBytes(StandardCharsets.ISO_8859_1));
            PackSource sameName = new PackSource(PACK, files, source.version(), source.codeVersion());
            assertTrue(new RuleBaseFiles(folder).read(sameName).isEmpty());
        }

        @Test
        void whenAnotherBuildWroteIt(@TempDir Path folder) throws Exception {
            cacheOver(folder).compile(source);
            Path file = onlyFile(folder);
            List<String> lines = new ArrayList<>(List.of(new String(Files.readAllBytes(file),
                    StandardCharsets.ISO_8859_1).split("\n", 3)));
            lines.set(1, "another-build");
            Files.write(file, String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(new RuleBaseFiles(folder).read(source).isEmpty());
        }

        @Test
        void whenItIsDamagedOrCutShortAndThePackIsCompiledAndWrittenAgain(@TempDir Path folder) throws Exception {
            cacheOver(folder).compile(source);
            Path file = onlyFile(folder);
            byte[] good = Files.readAllBytes(file);
            byte[] flipped = good.clone();
            flipped[flipped.length - 100] ^= 0x20;
            Files.write(file, flipped);
            assertTrue(new RuleBaseFiles(folder).read(source).isEmpty());
            Files.write(file, java.util.Arrays.copyOf(good, 40));
            assertTrue(new RuleBaseFiles(folder).read(source).isEmpty());

            CompiledPack compiled = cacheOver(folder).compile(source);
            assertArrayEquals(compiledResult, graded(compiled));
            assertTrue(new RuleBaseFiles(folder).read(source).isPresent(), "written again after the compile");
        }

        @Test
        void whenItHoldsSomethingElseThanRulesEvenWithAMatchingHash(@TempDir Path folder) throws Exception {
            // A JMX name stands for any class outside a rule base: the read refuses it before it is made.
            for (Object stranger : new Object[] {new javax.management.ObjectName("a:b=c"), List.of("not", "rules")}) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(stranger);
                }
                new RuleBaseFiles(folder).write(source, bytes.toByteArray());
                CompiledPack compiled = cacheOver(folder).compile(source);
                assertArrayEquals(compiledResult, graded(compiled), "compiled instead of " + stranger);
            }
        }
    }
}
