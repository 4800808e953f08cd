package govgrade.packs.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.ScoringSheetEdit;
import govgrade.packs.catalog.PackHome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scoring functions graded through real DRL: a copy of Shangnan's pack whose rule file is
 * replaced by one that deducts per problem from 100 (扣分), grades by band (分档), ranks by a
 * weighted sum (加权) and records a rate (比率), over Shangnan's own batch.
 */
class ScoringTablesRulesTest {
    private static final String XLSX = "decision-tables/shangnan/shangnan.xlsx";
    private static final String DRL = "rules-drl/shangnan/shangnan.drl";
    private static final String RULES = """
            package govgrade.packs.shangnan;

            import java.math.BigDecimal;
            import java.util.List;
            import govgrade.derive.*;
            import govgrade.rules.*;

            rule "采用少"
            when
                $x : UnitActivity( channelCode == "submissions", adopted < 10 )
            then
                insert( Problem.of( drools, $x, "FEW_ADOPTED" ) );
            end

            // A second occurrence of the same problem: it counts twice, up to its cap.
            rule "采用很少"
            when
                $x : UnitActivity( channelCode == "submissions", adopted < 5 )
            then
                insert( Problem.of( drools, $x, "FEW_ADOPTED" ) );
            end

            rule "报送少"
            when
                $x : UnitActivity( channelCode == "submissions", submitted < 8 )
            then
                insert( Problem.of( drools, $x, "ZERO_SUBMISSIONS" ) );
            end

            rule "得分与等级"
                salience -10
            when
                $c : Criteria()
                $x : UnitActivity( channelCode == "submissions" )
                $ps : List() from collect( Problem( subject == $x ) )
            then
                BigDecimal score = $c.deduct( "扣分", $ps );
                insert( Score.of( drools, $x, score ).with( "rate", $c.rate( "采用率", $x ) ).using( $c, "采用率" )
                        .using( $c, "扣分" )
                        .with( "三分之一", $c.rate( "采用率", 1, 3 ) ) );
                insert( Verdict.of( drools, $x, $c.band( "等级分档", score ) ) );
                insert( RankKey.of( drools, $x, $c.weighted( "得分权重", $x ) ) );
            end
            """;

    @TempDir
    Path home;

    private Path pack(String drl, Consumer<Workbook> bands) throws Exception {
        PackCopy.copy("shangnan", home);
        Files.writeString(home.resolve(DRL), drl);
        PackCopy.editWorkbook(home.resolve(XLSX), wb -> {
            Row r = wb.getSheet("问题").createRow(11);
            r.createCell(0).setCellValue("FEW_ADOPTED");
            r.createCell(2).setCellValue("采用少");
            r.createCell(3).setCellValue("无");
            ScoringSheetEdit.deductions(wb, "扣分", 100, 52, new Object[] {"ZERO_SUBMISSIONS", 30, null},
                    new Object[] {"FEW_ADOPTED", 15, 20});
            ScoringSheetEdit.weights(wb, "得分权重", new Object[] {"submitted", 0.2}, new Object[] {"adopted", 1});
            ScoringSheetEdit.rate(wb, "采用率", "adopted", "submitted", 100, 1, "截断", 0);
            bands.accept(wb);
        });
        return home;
    }

    private static void defaultBands(Workbook wb) {
        ScoringSheetEdit.bands(wb, "等级分档", new Object[] {null, 60, "不合格"}, new Object[] {60, 80, "合格"},
                new Object[] {80, 90, "良好"}, new Object[] {90, null, "优秀"});
    }

    private static GradedRun grade(Path home) throws Exception {
        return Fixtures.grade(Fixtures.batch("shangnan"), home);
    }

    private static GradedRun.Result unit(GradedRun run, int n) {
        return Fixtures.result(run, "shangnan-u" + n, "submissions");
    }

    @Test
    void scoreIsTheStartLessCappedDeductionsNeverBelowTheFloorAndTheGradeIsItsBand() throws Exception {
        GradedRun run = grade(pack(RULES, ScoringTablesRulesTest::defaultBands));
        // u1 27/25: nothing; u5 12/8: one FEW_ADOPTED; u7 7/6: FEW_ADOPTED and ZERO_SUBMISSIONS;
        // u8 10/4: FEW_ADOPTED twice, 30 capped at 20; u10 2/2: 20 + 30 = 50, raised to the floor 52.
        Map<Integer, String> scores = Map.of(1, "100", 5, "85", 7, "55", 8, "80", 10, "52");
        Map<Integer, String> grades = Map.of(1, "EXCELLENT", 5, "GOOD", 7, "FAIL", 8, "GOOD", 10, "FAIL");
        scores.forEach((n, s) -> assertEquals(0, new BigDecimal(s).compareTo(unit(run, n).score()),
                "u" + n + " score " + unit(run, n).score()));
        grades.forEach((n, g) -> assertEquals(g, unit(run, n).grade(), "u" + n));
    }

    @Test
    void weightedSumsRankAndRatesAreRecordedInTheExplanation() throws Exception {
        GradedRun run = grade(pack(RULES, ScoringTablesRulesTest::defaultBands));
        // 27 × 0.2 + 25 = 30.4 ranks u1 first, as Shangnan's own weights do.
        assertEquals(1, unit(run, 1).rank());
        assertEquals(10, unit(run, 10).rank());
        Map<String, Object> facts = unit(run, 1).because().stream().filter(b -> b.rule().equals("得分与等级"))
                .findFirst().orElseThrow().facts();
        assertEquals(new BigDecimal("92.5"), facts.get("rate"), "25 / 27 cut, not rounded, to one place");
        assertEquals(new BigDecimal("33.3"), facts.get("三分之一"));
    }

    @Test
    void usingATableRecordsWhatItHoldsAndTheFiguresItRead() throws Exception {
        GradedRun run = grade(pack(RULES, ScoringTablesRulesTest::defaultBands));
        Map<String, Object> facts = unit(run, 8).because().stream().filter(b -> b.rule().equals("得分与等级"))
                .findFirst().orElseThrow().facts();
        Map<?, ?> table = (Map<?, ?>) facts.get("扣分");
        assertEquals("扣分", table.get("kind"));
        assertEquals(0, new BigDecimal("100").compareTo((BigDecimal) table.get("满分")));
        assertEquals("15, ≤ 20", table.get("FEW_ADOPTED"));
        Map<?, ?> used = (Map<?, ?>) facts.get("采用率");
        assertEquals("比率", used.get("kind"));
        assertEquals(0, new BigDecimal("4").compareTo((BigDecimal) used.get("adopted")));
        assertEquals(0, new BigDecimal("10").compareTo((BigDecimal) used.get("submitted")));
        assertEquals("DOWN", used.get("舍入"));
    }

    @Test
    void usingATableTheWorkbookDoesNotHaveIsRefusedAtItsLine() throws Exception {
        String drl = RULES.replace(".using( $c, \"扣分\" )", ".using( $c, \"扣分表\" )");
        PackRejected e = assertThrows(PackRejected.class, () -> grade(pack(drl, ScoringTablesRulesTest::defaultBands)));
        assertEquals(1, e.errors().size(), () -> e.errors().stream().map(PackError::describe).toList().toString());
        assertEquals(lineOf(drl, ".using( $c, \"扣分表\" )"), e.errors().get(0).line(), e.errors().get(0).describe());
    }

    @Test
    void editingABandEdgeChangesTheGradesAndNotTheCodeHash() throws Exception {
        GradedRun before = grade(pack(RULES, ScoringTablesRulesTest::defaultBands));
        Path other = Files.createDirectories(home.resolve("edited"));
        PackCopy.copy("shangnan", other);
        Files.copy(home.resolve(DRL), other.resolve(DRL), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(home.resolve(XLSX), other.resolve(XLSX), StandardCopyOption.REPLACE_EXISTING);
        PackCopy.editWorkbook(other.resolve(XLSX), wb -> ScoringSheetEdit.bands(wb, "等级分档",
                new Object[] {null, 60, "不合格"}, new Object[] {60, 85, "合格"}, new Object[] {85, 90, "良好"},
                new Object[] {90, null, "优秀"}));
        GradedRun after = grade(other);
        assertEquals("GOOD", unit(before, 8).grade());
        assertEquals("PASS", unit(after, 8).grade(), "80 is now below the 良好 band");
        assertEquals("GOOD", unit(after, 5).grade());
        assertTrue(!before.pack().version().equals(after.pack().version()));
        PackHome packs = new PackHome(home, Fixtures.PACKS_CACHE);
        PackHome edited = new PackHome(other, Fixtures.PACKS_CACHE);
        assertEquals(packs.load("shangnan").source().codeVersion(), edited.load("shangnan").source().codeVersion());
    }

    @Test
    void aRuleNamingATableTheWorkbookDoesNotHaveIsRefusedAtItsLine() throws Exception {
        String drl = RULES.replace("$c.band( \"等级分档\", score )", "$c.band( \"分档\", score )")
                .replace("$c.rate( \"采用率\", 1, 3 )", "$c.rate( \"得分权重\", 1, 3 )");
        PackRejected e = assertThrows(PackRejected.class, () -> grade(pack(drl, ScoringTablesRulesTest::defaultBands)));
        List<PackError> errors = e.errors();
        assertEquals(2, errors.size(), () -> errors.stream().map(PackError::describe).toList().toString());
        int bandLine = lineOf(drl, "$c.band( \"分档\"");
        int rateLine = lineOf(drl, "$c.rate( \"得分权重\"");
        assertEquals(DRL, errors.get(0).file());
        assertEquals(rateLine, errors.get(0).line(), errors.get(0).describe());
        assertTrue(errors.get(0).message().contains("but that sheet is a 加权 sheet"), errors.get(0).message());
        assertEquals(bandLine, errors.get(1).line(), errors.get(1).describe());
        assertTrue(errors.get(1).message().contains("分档 sheets: 等级分档"), errors.get(1).message());
    }

    private static int lineOf(String text, String what) {
        return 1 + (int) text.substring(0, text.indexOf(what)).chars().filter(c -> c == '\n').count();
    }
}
