package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each result carries the figures its subject was graded on, read from the derived subject. */
class FiguresTest {

    @Test
    void anAccountCarriesTheFiguresItsRulesReadAsTheSubjectHoldsThem() throws Exception {
        GradedRun run = Fixtures.grade("qingshen");
        GradedRun.Result late = run.results().stream()
                .filter(r -> r.problems().stream().anyMatch(p -> p.code().equals("UNANSWERED_MESSAGES")))
                .findFirst().orElseThrow();
        GradedRun.Figures f = late.figures();
        assertNotNull(f.messages());
        assertTrue(f.lateReplies() > 0, "late against the pack's own reply limit");
        assertNotNull(f.longestReplyHours());
        assertNull(f.posts(), "no rule read the account's posts");
    }

    @Test
    void dueUpdatesKeepTheirFractionAndCountsStayWhole() throws Exception {
        GradedRun run = Fixtures.grade("meixian");
        GradedRun.Result columns = run.results().stream().filter(r -> r.channel().equals("columns"))
                .filter(r -> r.figures().due() != null).findFirst().orElseThrow();
        assertTrue(columns.figures().due().scale() >= 0, "written plain, never 2E+1");
        assertNotNull(columns.figures().updates());
        assertTrue(columns.figures().due().compareTo(BigDecimal.ZERO) > 0);
    }

    @Test
    void figuresAreAnAdditionToTheJsonAndARunWithoutThemReadsBack() throws Exception {
        GradedRun run = Fixtures.grade("shangqiu");
        JsonNode json = ResultJson.mapper().valueToTree(run);
        JsonNode first = json.get("results").get(0);
        assertTrue(first.has("because") && first.has("figures"), first.toString());
        GradedRun.Result withDate = run.results().stream().filter(r -> r.figures().lastUpdate() != null)
                .findFirst().orElseThrow();
        int i = run.results().indexOf(withDate);
        assertEquals(withDate.figures().lastUpdate().toString(),
                json.get("results").get(i).get("figures").get("lastUpdate").asText(), "ISO date");
        assertFalse(json.get("results").get(i).get("figures").has("posts"), "figures no rule read are left out");

        GradedRun back = ResultJson.mapper().treeToValue(json, GradedRun.class);
        assertEquals(run.results().get(i).figures(), back.results().get(i).figures());

        for (JsonNode r : json.get("results")) {
            ((ObjectNode) r).remove("figures");
        }
        GradedRun old = ResultJson.mapper().treeToValue(json, GradedRun.class);
        assertNull(old.results().get(0).figures(), "a run stored before figures existed");
        assertFalse(ResultJson.mapper().valueToTree(old).get("results").get(0).has("figures"),
                "and it writes back as it was stored");
        assertEquals(LocalDate.class, withDate.figures().lastUpdate().getClass());
    }
}
