package govgrade.packs.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.catalog.PackHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows that change nothing are warned about at their cells, in Chinese and English; the bundled packs have none. */
class SilentRowsTest {
    @TempDir
    Path home;

    private List<PackError> warnings(String pack) throws Exception {
        return SilentRows.of(new PackHome(home).read(pack));
    }

    private void dropInclude(String pack, String from, String to) throws Exception {
        Path drl = home.resolve("rules-drl/" + pack + "/" + pack + ".drl");
        String text = Files.readString(drl);
        assertTrue(text.contains(from), text);
        Files.writeString(drl, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void theBundledPacksHaveNoSilentRows() throws Exception {
        for (String pack : Fixtures.PACKS) {
            assertEquals(List.of(), SilentRows.of(new PackHome(Fixtures.HOME).read(pack)), pack);
        }
    }

    @Test
    void aParameterRowNoRuleReadsIsWarnedAtItsKeyCell() throws Exception {
        PackCopy.copy("shangqiu", home);
        PackCopy.editWorkbook(home.resolve("decision-tables/shangqiu/shangqiu.xlsx"), wb -> {
            Sheet s = wb.getSheet("参数");
            Row r = s.createRow(11);
            r.createCell(0).setCellValue("unusedDays");
            r.createCell(1).setCellValue("没有规则读取的参数");
            r.createCell(2).setCellValue(3);
        });
        List<PackError> w = warnings("shangqiu");
        assertEquals(1, w.size(), w.toString());
        assertEquals("decision-tables/shangqiu/shangqiu.xlsx", w.get(0).file());
        assertEquals("参数", w.get(0).sheet());
        assertEquals("A12", w.get(0).cell());
        assertTrue(w.get(0).message().contains("no rule reads parameter unusedDays")
                && w.get(0).message().contains("没有规则读取参数 unusedDays"), w.get(0).message());
    }

    @Test
    void droppingTheStaleLibraryLeavesItsParameterAndProblemRowsSilent() throws Exception {
        PackCopy.copy("luoshan", home);
        dropInclude("luoshan", "// include: stale", "// (stale dropped)");
        List<PackError> w = warnings("luoshan");
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.stream().anyMatch(e -> e.sheet().equals("参数") && e.message().contains("parameter staleDays")), w.toString());
        assertTrue(w.stream().anyMatch(e -> e.sheet().equals("问题") && e.message().contains("problem NO_UPDATE_2_WEEKS")
                && e.message().contains("不会用到")), w.toString());
    }

    @Test
    void aProblemOnlyAFindingCanRaiseIsNoWarningWhileThePackTurnsFindingsIntoProblems() throws Exception {
        PackCopy.copy("shangqiu", home);
        assertEquals(List.of(), warnings("shangqiu"), "PERSONAL_ACCOUNT and the others come from findings");
        dropInclude("shangqiu", "// include: veto, findings, pass", "// include: veto, pass");
        List<PackError> w = warnings("shangqiu");
        assertEquals(List.of("A12", "A13", "A14"), w.stream().map(PackError::cell).toList(), w.toString());
    }

    @Test
    void aProblemGradeWithoutTheVetoRuleIsWarnedAtItsGradeCell() throws Exception {
        PackCopy.copy("shangqiu", home);
        dropInclude("shangqiu", "// include: veto, findings, pass", "// include: findings, pass");
        List<PackError> w = warnings("shangqiu");
        assertEquals(1, w.size(), w.toString());
        assertEquals("问题", w.get(0).sheet());
        assertEquals("D11", w.get(0).cell());
        assertTrue(w.get(0).message().contains("the grade \"不合格\" for problem NO_UPDATE_2_WEEKS has no effect")
                && w.get(0).message().contains("// include: veto") && w.get(0).message().contains("单项否决"),
                w.get(0).message());
    }

    @Test
    void aProblemARuleTableGivesIsProduced() throws Exception {
        PackCopy.copy("luoshan", home);
        PackCopy.editWorkbook(home.resolve("decision-tables/luoshan/luoshan.xlsx"), wb -> {
            Sheet problems = wb.getSheet("问题");
            Row r = problems.createRow(problems.getLastRowNum() + 1);
            r.createCell(0).setCellValue("FEW_POSTS");
            r.createCell(1).setCellValue("发布少于 3 条");
            r.createCell(2).setCellValue("发布过少");
        });
        List<PackError> w = warnings("luoshan");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().contains("problem FEW_POSTS"), w.toString());

        PackCopy.editWorkbook(home.resolve("decision-tables/luoshan/luoshan.xlsx"), wb -> {
            Sheet s = wb.createSheet("发布过少");
            String[][] rows = {{"RuleSet", "govgrade.packs.luoshan.tables"},
                    {"Import", "govgrade.derive.UnitActivity, govgrade.rules.Problem"}, {}, {"RuleTable 发布过少"},
                    {"CONDITION", "ACTION"}, {"$x : UnitActivity"},
                    {"posts < $param", "insert( Problem.of( drools, $x, \"$param\" ) );"},
                    {"发布条数少于", "问题"}, {"3", "FEW_POSTS"}};
            for (int i = 0; i < rows.length; i++) {
                Row row = s.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    row.createCell(c).setCellValue(rows[i][c]);
                }
            }
        });
        assertEquals(List.of(), warnings("luoshan"), "the 发布过少 table gives FEW_POSTS");
    }
}
