package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.facts.DeclaredFigure;
import govgrade.facts.FigurePlace;
import govgrade.facts.FigureType;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import govgrade.packs.FigureSheetEdit;
import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.catalog.PackHome;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 数据项 sheet: figures a pack declares, read as data and checked at their cells; a rule reading
 * an undeclared one refused at its line; a batch's figures read by rules and shown in the result.
 */
class FigureSheetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    private int homes;

    private CompiledPack load() throws Exception {
        return new PackHome(home, Fixtures.PACKS_CACHE).load("shangqiu");
    }

    /** The shangqiu fixture with {@code figures} on its first two accounts. */
    static byte[] batchWith(String first, String second) throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Files.readAllBytes(Fixtures.batch("shangqiu")));
        ((ObjectNode) b.get("accounts").get(0)).set("figures", JSON.readTree(first));
        ((ObjectNode) b.get("accounts").get(1)).set("figures", JSON.readTree(second));
        return JSON.writeValueAsBytes(b);
    }

    private PackError onlyError(String rule, String[]... rows) throws Exception {
        Path own = home.resolve("h" + homes++);
        FigureSheetEdit.pack(own, rule, rows);
        PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(own, Fixtures.PACKS_CACHE).load("shangqiu"));
        assertEquals(1, e.errors().size(), () -> e.errors().stream().map(PackError::describe).toList().toString());
        return e.errors().get(0);
    }

    private PackError cellError(String[]... rows) throws Exception {
        PackError err = onlyError(FigureSheetEdit.RULE.replace("count( \"totalPosts\" ) != null, ", "")
                .replace("count( \"totalPosts\" ) < 10", "posts == -1"), rows);
        assertEquals(FigureSheetEdit.XLSX, err.file(), err.describe());
        assertEquals(FigureSheet.SHEET, err.sheet(), err.describe());
        return err;
    }

    private static void assertSays(PackError err, String cell, String... words) {
        assertEquals(cell, err.cell(), err.describe());
        for (String w : words) {
            assertTrue(err.message().contains(w), () -> "'" + w + "' not in: " + err.message());
        }
    }

    @Test
    void theSheetsDeclarationsReachTheCompiledPackInChineseOrEnglishWords() throws Exception {
        FigureSheetEdit.pack(home);
        CompiledPack pack = load();
        assertEquals(List.of(new DeclaredFigure("totalPosts", FigurePlace.ACCOUNT, FigureType.COUNT, false, "发布条数（含转载）"),
                new DeclaredFigure("verified", FigurePlace.ACCOUNT, FigureType.YES_NO, false, "已认证"),
                new DeclaredFigure("openedOn", FigurePlace.ACCOUNT, FigureType.DATE, false, "开通日期"),
                new DeclaredFigure("portalLevel", FigurePlace.UNIT, FigureType.TEXT, false, "单位网站级别")),
                pack.figures().all());
        assertTrue(Fixtures.BUNDLED_FIVE.stream().allMatch(p -> {
            try {
                return new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE).load(p).figures().isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void aRuleReadsADeclaredCountAndTheResultShowsWhatItRead() throws Exception {
        FigureSheetEdit.pack(home);
        CompiledPack pack = load();
        Batch batch = BatchReader.read(new ByteArrayInputStream(batchWith("{\"totalPosts\": 48, \"verified\": true}",
                "{\"totalPosts\": 5}")), null);
        pack.figures().check(batch, pack.id(), 100);
        GradedRun run = Grading.grade(batch, pack, "t");
        GradedRun plain = Fixtures.grade("shangqiu");
        // a1 fails on its own (stale); a2 passes, unless its declared total is under 10.
        GradedRun.Result many = result(run, "shangqiu-a1");
        GradedRun.Result few = result(run, "shangqiu-a2");
        assertEquals("PASS", result(plain, "shangqiu-a2").grade());
        assertEquals("FAIL", few.grade());
        assertTrue(few.because().stream().anyMatch(b -> b.rule().equals("新媒体：发布总数不足")), few.because().toString());
        assertEquals(Map.of("totalPosts", 5), few.figures().declared());
        assertEquals(result(plain, "shangqiu-a1").grade(), many.grade());
        assertEquals(Map.of("totalPosts", 48), many.figures().declared());
        // Read by the rule but absent: left out, as a built-in figure the subject does not have.
        assertNull(result(run, "shangqiu-a3").figures().declared());
        String json = new String(ResultJson.write(run), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"declared\":{\"totalPosts\":5}"), json);
        assertEquals(few.figures(), result(ResultJson.readRun(ResultJson.write(run)), "shangqiu-a2").figures());
        // A bundled pack's result says nothing of declared figures.
        assertTrue(!new String(ResultJson.write(plain), StandardCharsets.UTF_8).contains("declared"));
    }

    @Test
    void aBatchsFiguresAreCheckedAgainstThePackAtTheirPaths() throws Exception {
        FigureSheetEdit.pack(home);
        CompiledPack pack = load();
        Batch batch = BatchReader.read(new ByteArrayInputStream(batchWith(
                "{\"totalPost\": 5, \"verified\": \"yes\", \"openedOn\": \"2020-02-30\"}", "{\"totalPosts\": -1}")), null);
        BatchRejected e = assertThrows(BatchRejected.class, () -> pack.figures().check(batch, pack.id(), 100));
        Map<String, String> byPath = new TreeMap<>();
        e.violations().forEach(v -> byPath.put(v.path(), v.message()));
        assertEquals(List.of("accounts[0].figures.openedOn", "accounts[0].figures.totalPost",
                "accounts[0].figures.verified", "accounts[1].figures.totalPosts"), List.copyOf(byPath.keySet()));
        assertTrue(byPath.get("accounts[0].figures.totalPost").contains("did you mean totalPosts?"), byPath.toString());
        assertTrue(byPath.get("accounts[0].figures.totalPost").contains("shangqiu"), byPath.toString());
        assertTrue(byPath.get("accounts[0].figures.verified").contains("true or false"), byPath.toString());
        assertTrue(byPath.get("accounts[0].figures.openedOn").contains("YYYY-MM-DD"), byPath.toString());
        assertTrue(byPath.get("accounts[1].figures.totalPosts").contains(">= 0"), byPath.toString());
    }

    @Test
    void aRequiredFigureMissingIsSaidAtItsPathAndABundledPackTakesNoFigures() throws Exception {
        FigureSheetEdit.pack(home, FigureSheetEdit.RULE, new String[] {"totalPosts", "账号", "计数", "是", "发布条数"});
        CompiledPack pack = load();
        Batch batch = BatchReader.read(new ByteArrayInputStream(batchWith("{\"totalPosts\": 5}", "{}")), null);
        BatchRejected e = assertThrows(BatchRejected.class, () -> pack.figures().check(batch, pack.id(), 100));
        assertEquals("accounts[1].figures.totalPosts", e.violations().get(0).path());
        assertTrue(e.violations().get(0).message().contains("required"), e.getMessage());
        // 20 accounts, two with figures: the other 18 miss it too, each at its own path.
        assertEquals(19, e.violations().size(), e.getMessage());
        assertEquals("accounts[2].figures.totalPosts", e.violations().get(1).path());

        CompiledPack bundled = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE).load("shangqiu");
        BatchRejected none = assertThrows(BatchRejected.class, () -> bundled.figures().check(batch, "shangqiu", 100));
        assertTrue(none.violations().get(0).message().contains("declares none"), none.getMessage());
    }

    @Test
    void aRuleReadingAnUndeclaredFigureIsRefusedAtItsLine() throws Exception {
        PackError typo = onlyError(FigureSheetEdit.RULE.replace("count( \"totalPosts\" ) < 10", "count( \"totalposts\" ) < 10"),
                FigureSheetEdit.ROWS);
        assertEquals(FigureSheetEdit.DRL, typo.file(), typo.describe());
        assertEquals(9, typo.line(), typo.describe());
        assertTrue(typo.message().contains("totalposts") && typo.message().contains("did you mean totalPosts?"),
                typo.describe());
    }

    @Test
    void aRuleReadingAFigureWithAnotherTypesAccessorOrAtAnotherPlaceIsRefused() throws Exception {
        PackError type = onlyError(FigureSheetEdit.RULE.replace("count( \"totalPosts\" ) < 10",
                "number( \"totalPosts\" ) < 10"), FigureSheetEdit.ROWS);
        assertEquals(9, type.line(), type.describe());
        assertTrue(type.message().contains("count(\"totalPosts\")"), type.describe());

        PackError place = onlyError(FigureSheetEdit.RULE.replace("NewMediaAccount( count", "UnitActivity( count")
                .replace(", count( \"totalPosts\" ) < 10", ""), FigureSheetEdit.ROWS);
        assertEquals(9, place.line(), place.describe());
        assertTrue(place.message().contains("on activity"), place.describe());
    }

    @Test
    void theUnitsFiguresAreReadThroughTheAccountsUnit() throws Exception {
        // portalLevel is declared on 单位: unit.text(..) is the unit's, so the build takes it.
        FigureSheetEdit.pack(home, FigureSheetEdit.RULE.replace("count( \"totalPosts\" ) != null",
                "unit != null, unit.text( \"portalLevel\" ) == \"county\", count( \"totalPosts\" ) != null"),
                FigureSheetEdit.ROWS);
        load();
    }

    @Test
    void eachCellMistakeIsSaidAtItsCell() throws Exception {
        assertSays(cellError(new String[] {"totalPosts", "账号", "整数", "否", "x"}), "C2", "整数", "计数");
        assertSays(cellError(new String[] {"Total posts", "账号", "计数"}), "A2", "Total posts");
        assertSays(cellError(new String[] {"posts", "账号", "计数"}), "A2", "built-in");
        assertSays(cellError(new String[] {"a", "账号", "计数"}, new String[] {"a", "account", "数值"}), "A3",
                "first at A2");
        assertSays(cellError(new String[] {"a", "网站", "计数"}), "B2", "网站");
        assertSays(cellError(new String[] {"a", "账号", "计数", "可能"}), "D2", "可能");
        assertSays(cellError(new String[] {null, "账号", "计数"}), "A2", "名称");
    }

    @Test
    void theSameNameAtTwoPlacesIsTwoFigures() throws Exception {
        FigureSheetEdit.pack(home, FigureSheetEdit.RULE, new String[] {"totalPosts", "账号", "计数"},
                new String[] {"totalPosts", "单位", "数值"});
        assertEquals(2, load().figures().all().size());
    }

    @Test
    void changingTheMeaningIsDataAndChangingTheTypeIsCode() throws Exception {
        SortedMap<String, byte[]> a = files(home.resolve("a"), new String[] {"totalPosts", "账号", "计数", "否", "发布条数"});
        SortedMap<String, byte[]> b = files(home.resolve("b"), new String[] {"totalPosts", "账号", "计数", "否", "发布总条数"});
        SortedMap<String, byte[]> c = files(home.resolve("c"), new String[] {"totalPosts", "账号", "数值", "否", "发布条数"});
        PackMeaning ma = PackMeaning.of(a);
        PackMeaning mb = PackMeaning.of(b);
        PackMeaning mc = PackMeaning.of(c);
        assertNotEquals(ma.version(), mb.version());
        assertEquals(ma.codeVersion(), mb.codeVersion());
        assertNotEquals(ma.codeVersion(), mc.codeVersion());
        PackError change = mc.firstCodeChange(ma).orElseThrow();
        assertEquals(FigureSheet.SHEET, change.sheet(), change.describe());
        assertEquals("C2", change.cell(), change.describe());
    }

    private static SortedMap<String, byte[]> files(Path home, String[]... rows) throws Exception {
        PackCopy.copy("shangqiu", home);
        PackCopy.editWorkbook(home.resolve(FigureSheetEdit.XLSX), wb -> FigureSheetEdit.write(wb, rows));
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(FigureSheetEdit.XLSX, Files.readAllBytes(home.resolve(FigureSheetEdit.XLSX)));
        return files;
    }

    private static GradedRun.Result result(GradedRun run, String id) {
        return run.results().stream().filter(r -> r.subject().id().equals(id)).findFirst().orElseThrow();
    }
}
