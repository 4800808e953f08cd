package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure the five circulars published, graded from the facts: grade, label, rank, score,
 * problem wording and summaries. Rows the circular itself marks "known" (a published grade that
 * breaks its own written rule) must differ, and must come out as the written rule says.
 */
class PublishedCircularsTest {

    /** What the written rule gives for each row a circular got wrong, worked out by hand. */
    private static final Map<String, String> WRITTEN_RULE = Map.of(
            // 12 updates against 2 + 1/3 + 1/3 + 1/12 due: 9.25 beyond, so excellent.
            "meixian-u3|columns", "EXCELLENT",
            // 6 updates against 4 + 1/12 due and no wording error: pass.
            "meixian-u27|columns", "PASS",
            // 7 news posts, no error anywhere in the unit: excellent.
            "meixian-u28|news", "EXCELLENT",
            // 6 news posts, no error anywhere in the unit: excellent, not fail.
            "meixian-u3|news", "EXCELLENT");

    /** The five whose known rows were worked out by hand; every pack's fixtures are held by published.EveryFixtureTest. */
    static List<String> packs() {
        return Fixtures.BUNDLED_FIVE;
    }

    @ParameterizedTest
    @MethodSource("packs")
    void reproducesEveryPublishedFigure(String pack) throws Exception {
        GradedRun run = Fixtures.grade(pack);
        JsonNode expected = Fixtures.expected(pack);
        List<Executable> checks = new ArrayList<>();
        for (JsonNode e : expected.get("results")) {
            String id = e.get("id").asText();
            String channel = e.get("channel").asText();
            GradedRun.Result r = Fixtures.result(run, id, channel);
            String at = id + " [" + channel + "] ";
            if (e.has("known")) {
                checks.add(() -> assertKnownDifference(e, r));
                continue;
            }
            if (e.has("grade")) {
                checks.add(() -> assertEquals(e.get("grade").asText(), r.grade(), at + "grade"));
                checks.add(() -> assertEquals(e.get("label").asText(), r.label(), at + "label"));
            }
            if (e.has("rank")) {
                checks.add(() -> assertEquals(e.get("rank").asInt(), r.rank(), at + "rank"));
            }
            if (e.has("score")) {
                checks.add(() -> assertEquals(0, e.get("score").decimalValue().compareTo(r.score()),
                        at + "score: published " + e.get("score") + ", got " + r.score()));
            }
            if (e.has("problems")) {
                List<String> want = new ArrayList<>();
                e.get("problems").forEach(p -> want.add(norm(p.asText())));
                List<String> got = new ArrayList<>(r.problems().stream().map(p -> norm(p.label())).toList());
                want.sort(null);
                got.sort(null);
                checks.add(() -> assertEquals(want, got, at + "problems"));
            }
        }
        for (JsonNode e : expected.get("summaries")) {
            String region = e.get("region").asText();
            String channel = e.get("channel").asText();
            GradedRun.Summary s = run.summaries().stream()
                    .filter(x -> region.equals(x.region()) && channel.equals(x.channel()))
                    .findFirst().orElseThrow(() -> new AssertionError("no summary for " + region));
            checks.add(() -> assertEquals(e.get("checked").asInt(), s.checked(), region + " checked"));
            checks.add(() -> assertEquals(e.get("failed").asInt(), s.failed(), region + " failed"));
            checks.add(() -> assertEquals(0, new BigDecimal(e.get("passRate").asText()).compareTo(s.passRate()),
                    region + " pass rate: published " + e.get("passRate") + ", got " + s.passRate()));
        }
        assertFalse(checks.isEmpty());
        assertAll(pack, checks);
    }

    private static void assertKnownDifference(JsonNode e, GradedRun.Result r) {
        String key = e.get("id").asText() + "|" + e.get("channel").asText();
        String rule = WRITTEN_RULE.get(key);
        assertTrue(rule != null, "a known difference nobody worked out by hand: " + key);
        assertNotEquals(e.get("grade").asText(), r.grade(), key + " should differ from the published grade");
        assertEquals(rule, r.grade(), key + " under the written rule");
    }

    @Test
    void everyGradedResultSaysWhichRuleDecidedItAndWhatItRead() throws Exception {
        for (String pack : Fixtures.PACKS) {
            for (GradedRun.Result r : Fixtures.grade(pack).results()) {
                if (r.grade() != null || !r.problems().isEmpty() || r.rank() != null) {
                    assertFalse(r.because().isEmpty(), pack + " " + r.subject().id() + " has no because");
                    r.because().forEach(b -> assertFalse(b.rule().isBlank()));
                }
            }
        }
    }

    @Test
    void meiCountysGapIsPrintedAsItsFirstAndLastEmptyDayWithTheFactsRead() throws Exception {
        GradedRun.Result r = Fixtures.result(Fixtures.grade("meixian"), "meixian-a7", "new-media");
        assertEquals("POOR", r.grade());
        GradedRun.Because veto = r.because().stream().filter(b -> b.rule().equals("单项否决")).findFirst().orElseThrow();
        assertEquals("NO_ORIGINAL_7_DAYS", veto.facts().get("veto"));
        GradedRun.Because gap = r.because().stream().filter(b -> b.rule().equals("新媒体：连续多日无原创")).findFirst()
                .orElseThrow();
        assertEquals(8, gap.facts().get("days"));
        assertEquals(7, gap.facts().get("originalGapDays"));
    }

    @Test
    void shangqiuSummarisesTheWholeCityUnderTheNameItsSettingsGive() throws Exception {
        GradedRun run = Fixtures.grade("shangqiu");
        GradedRun.Summary all = run.summaries().stream().filter(s -> "全市".equals(s.region())).findFirst().orElseThrow();
        assertEquals(20, all.checked());
        assertEquals(3, all.failed());
        assertEquals(new BigDecimal("85.0"), all.passRate());
        assertEquals(Map.of("PASS", 17, "FAIL", 3), all.grades());
    }

    /** As check-published.py compares wording: width-normalised, whitespace and final punctuation aside. */
    static String norm(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder();
        for (char c : t.toCharArray()) {
            if (!Character.isWhitespace(c) && "。.;；'‘’\"“”".indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
