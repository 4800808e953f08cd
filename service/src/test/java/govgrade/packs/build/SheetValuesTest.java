package govgrade.packs.build;

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
import govgrade.packs.catalog.PackCache;
import govgrade.packs.catalog.PackHome;
import govgrade.packs.catalog.RuleBaseFiles;
import govgrade.rules.ScoringTables;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workbook's values kept with a stored rule base: a restore gives the pack its words, scoring
 * tables, declared figures and problem order without opening the workbook, and a workbook whose
 * bytes changed is read again, never answered from what an earlier start stored.
 */
class SheetValuesTest {
    @TempDir
    Path dir;

    /** wuding declares figures and names its report's sheets; xining-chengzhong has a 比率 sheet; meixian a 等级 sheet. */
    @ParameterizedTest
    @ValueSource(strings = {"wuding", "xining-chengzhong", "meixian"})
    void aRestoreWithoutTheWorkbookGivesWhatTheBuildGaveAndGradesByteForByteTheSame(String pack) throws Exception {
        PackSource src = new PackHome(PackCopy.copy(pack, dir.resolve("home"))).read(pack);
        CompiledPack built = PackBuilder.build(src);
        // Bytes no workbook reader can open: a restore that read them would fail.
        SortedMap<String, byte[]> files = new TreeMap<>(src.files());
        files.replaceAll((file, bytes) -> PackSource.isWorkbook(file) ? "not a workbook".getBytes(StandardCharsets.UTF_8)
                : bytes);
        PackSource unreadable = new PackSource(pack, files, src.version(), src.codeVersion());

        CompiledPack restored = PackBuilder.restore(unreadable, PackBuilder.stored(built), Budgets.DEFAULTS);

        assertEquals(built.criteria().asMap(), restored.criteria().asMap());
        Set<?> codes = ((Map<?, ?>) built.criteria().asMap().get("problems")).keySet();
        assertTrue(!codes.isEmpty(), "the pack words its problems: " + built.criteria().asMap());
        for (Object code : codes) {
            assertEquals(built.criteria().problemOrder((String) code), restored.criteria().problemOrder((String) code),
                    "the place problem " + code + " prints in");
        }
        assertEquals(built.criteria().report(), restored.criteria().report());
        assertEquals(built.figures().all(), restored.figures().all());
        for (ScoringTables.Kind kind : ScoringTables.Kind.values()) {
            assertEquals(built.criteria().scoring().names(kind), restored.criteria().scoring().names(kind), kind.word());
        }
        assertArrayEquals(graded(pack, built), graded(pack, restored));
    }

    @Test
    void theValuesOfAPackThatSaysNothingComeBackAsNothing() throws Exception {
        PackSource src = new PackHome(PackCopy.copy("luoshan", dir.resolve("home"))).read("luoshan");
        CompiledPack built = PackBuilder.build(src);
        assertTrue(built.figures().isEmpty());
        CompiledPack restored = PackBuilder.restore(src, PackBuilder.stored(built), Budgets.DEFAULTS);
        assertEquals(built.figures(), restored.figures(), "no figures is the one NONE again");
        assertEquals(built.criteria().scoring(), restored.criteria().scoring(), "no scoring tables is the one NONE again");
    }

    @Test
    void aReportTitleEditedWhileTheServiceWasDownIsReadFromTheWorkbookNotFromTheStoredPack() throws Exception {
        Path home = PackCopy.copy("wuding", dir.resolve("home"));
        Path folder = dir.resolve("cache");
        CompiledPack before = new PackCache(4, Budgets.DEFAULTS, new RuleBaseFiles(folder))
                .compile(new PackHome(home).read("wuding"));
        String title = "武定县政务新媒体检查结果（修订）";
        assertNotEquals(title, before.criteria().report().title());

        PackCopy.editWorkbook(home.resolve("decision-tables/wuding/wuding.xlsx"),
                wb -> PackCopy.rowOf(wb, "报表", "汇总").createCell(2).setCellValue(title));
        // A new process: a cache of its own over the folder the first one filled.
        CompiledPack after = new PackCache(4, Budgets.DEFAULTS, new RuleBaseFiles(folder))
                .compile(new PackHome(home).read("wuding"));
        assertEquals(title, after.criteria().report().title());
        // And the next restart reads the edited pack back with the edited words.
        CompiledPack again = new PackCache(4, Budgets.DEFAULTS, new RuleBaseFiles(folder))
                .compile(new PackHome(home).read("wuding"));
        assertEquals(title, again.criteria().report().title());
    }

    private static byte[] graded(String pack, CompiledPack compiled) throws Exception {
        Batch batch;
        try (InputStream in = Files.newInputStream(Fixtures.batch(pack))) {
            batch = BatchReader.read(in, null);
        }
        return ResultJson.write(Grading.grade(batch, compiled, "test"));
    }
}
