package govgrade.packs.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import govgrade.packs.catalog.PackHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackBuilderTest {
    private static final String MEI_XLSX = "decision-tables/meixian/meixian.xlsx";
    private static final String MEI_DRL = "rules-drl/meixian/meixian.drl";

    @TempDir
    Path home;

    @Test
    void compilesEveryBundledPackWithItsCriteria() throws Exception {
        PackHome registry = new PackHome(Fixtures.HOME);
        assertEquals(Fixtures.PACKS.stream().sorted().toList(), registry.ids());
        for (String id : registry.ids()) {
            CompiledPack p = registry.load(id);
            assertEquals(16, p.version().length());
            // A pack of one circular's one figure (xining-chengzhong: a rate and a problem) has 3 rules.
            assertTrue(p.ruleCount() > (Fixtures.BUNDLED_FIVE.contains(id) ? 3 : 0), id + " has rules");
        }
        assertEquals(14, registry.load("shangqiu").criteria().integer("staleDays"));
        assertEquals("内容2周内无更新", registry.load("shangqiu").criteria().problemLabel("NO_UPDATE_2_WEEKS"));
    }

    @Test
    void theSameFilesAreTheSameVersionAndCompileOnce() throws Exception {
        PackCopy.copy("shangnan", home);
        PackHome registry = new PackHome(home);
        CompiledPack first = registry.load("shangnan");
        assertEquals(new PackHome(Fixtures.HOME).load("shangnan").version(), first.version());
        assertSame(first, registry.load("shangnan"));
    }

    @Test
    void changingAThresholdCellChangesTheGradesWithNoJavaChange() throws Exception {
        PackCopy.copy("meixian", home);
        GradedRun before = Fixtures.grade(Fixtures.batch("meixian"), home);
        // A policy officer raises "excellent news" from 5 posts to 7 in the 参数 sheet.
        PackCopy.editWorkbook(home.resolve(MEI_XLSX),
                wb -> PackCopy.rowOf(wb, "参数", "newsExcellentMinPosts").getCell(2).setCellValue(7));
        GradedRun after = Fixtures.grade(Fixtures.batch("meixian"), home);

        assertNotEquals(before.pack().version(), after.pack().version());
        // 县市场监管局 and 县人社局 published 6 posts: excellent at 5, pass at 7; 8 posts stay excellent.
        for (String unit : List.of("meixian-u9", "meixian-u10")) {
            assertEquals("EXCELLENT", Fixtures.result(before, unit, "news").grade());
            assertEquals("PASS", Fixtures.result(after, unit, "news").grade());
        }
        assertEquals("EXCELLENT", Fixtures.result(after, "meixian-u14", "news").grade());
        long changed = before.results().stream().filter(r -> !r.grade().equals(
                Fixtures.result(after, r.subject().id(), r.channel()).grade())).count();
        assertEquals(3, changed, "u9, u10 and the known row u3 (6 posts each) drop to pass; 7 posts stay excellent");
    }

    @Nested
    class BrokenPacksAreRefusedWithThePlace {

        @Test
        void aDrlSyntaxErrorNamesTheFileAndLine() throws Exception {
            PackCopy.copy("meixian", home);
            Path drl = home.resolve(MEI_DRL);
            List<String> lines = Files.readAllLines(drl);
            int line = lines.indexOf("rule \"栏目：其余合格\"") + 1;
            lines.set(line - 1, "rule \"栏目：其余合格\" whne");
            Files.write(drl, lines, StandardCharsets.UTF_8);

            PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("meixian"));
            PackError err = e.errors().get(0);
            assertEquals(MEI_DRL, err.file());
            assertEquals(line, err.line());
            assertTrue(err.describe().startsWith(MEI_DRL + ":" + line + ": "), err.describe());
        }

        @Test
        void aWordInANumberCellNamesTheFileSheetAndCell() throws Exception {
            PackCopy.copy("meixian", home);
            int[] rowNumber = new int[1];
            PackCopy.editWorkbook(home.resolve(MEI_XLSX), wb -> {
                Row r = PackCopy.rowOf(wb, "参数", "newsExcellentMinPosts");
                r.getCell(2).setCellValue("四");
                rowNumber[0] = r.getRowNum() + 1;
            });
            PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("meixian"));
            assertEquals(1, e.errors().size(), e.errors().toString());
            PackError err = e.errors().get(0);
            assertEquals(MEI_XLSX, err.file());
            assertEquals("参数", err.sheet());
            assertEquals("C" + rowNumber[0], err.cell());
            assertTrue(err.message().contains("四") && err.message().contains("number"), err.message());
        }

        @Test
        void anUnknownGradeWordForAProblemNamesItsCell() throws Exception {
            PackCopy.copy("shangqiu", home);
            int[] rowNumber = new int[1];
            PackCopy.editWorkbook(home.resolve("decision-tables/shangqiu/shangqiu.xlsx"), wb -> {
                Row r = PackCopy.rowOf(wb, "问题", "NO_UPDATE_2_WEEKS");
                r.getCell(3).setCellValue("很差");
                rowNumber[0] = r.getRowNum() + 1;
            });
            PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("shangqiu"));
            PackError err = e.errors().get(0);
            assertEquals("问题", err.sheet());
            assertEquals("D" + rowNumber[0], err.cell());
            assertTrue(err.message().contains("很差"), err.message());
        }

        @Test
        void aParameterRowTheDrlNeedsIsReportedAtTheDrlLineThatUsesIt() throws Exception {
            PackCopy.copy("shangqiu", home);
            PackCopy.editWorkbook(home.resolve("decision-tables/shangqiu/shangqiu.xlsx"),
                    wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(0).setCellValue("staleDayz"));
            PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("shangqiu"));
            List<String> drl = Files.readAllLines(home.resolve("rules-drl/shangqiu/shangqiu.drl"));
            PackError err = e.errors().get(0);
            assertEquals("rules-drl/shangqiu/shangqiu.drl", err.file());
            assertTrue(drl.get(err.line() - 1).contains("\"staleDays\""), "line " + err.line());
            assertTrue(err.message().contains("staleDays"), err.message());
        }

        @Test
        void aCorruptWorkbookIsRefusedByName() throws Exception {
            PackCopy.copy("shangnan", home);
            Files.write(home.resolve("decision-tables/shangnan/shangnan.xlsx"), "not a workbook".getBytes());
            PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("shangnan"));
            assertEquals("decision-tables/shangnan/shangnan.xlsx", e.errors().get(0).file());
            assertTrue(e.errors().get(0).message().contains("not a readable Excel workbook"));
        }

        @Test
        void aCriteriaSheetInTheDrlPackageWouldSwitchTheRulesOffSoItIsRefused() throws Exception {
            PackCopy.copy("shangnan", home);
            PackCopy.editWorkbook(home.resolve("decision-tables/shangnan/shangnan.xlsx"),
                    wb -> PackCopy.rowOf(wb, "参数", "RuleSet").getCell(1).setCellValue("govgrade.packs.shangnan"));
            PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("shangnan"));
            assertEquals("参数", e.errors().get(0).sheet());
            assertTrue(e.errors().get(0).message().contains("own RuleSet name"), e.errors().get(0).message());
        }

        @Test
        void anUnknownPackIsNamedWithTheInstalledOnes() {
            UnknownPack e = assertThrows(UnknownPack.class, () -> new PackHome(Fixtures.HOME).load("nowhere"));
            assertTrue(e.getMessage().contains("meixian"), e.getMessage());
        }
    }
}
