package govgrade.facts;

import static govgrade.facts.BatchEdits.assertMentions;
import static govgrade.facts.BatchEdits.at;
import static govgrade.facts.BatchEdits.edited;
import static govgrade.facts.BatchEdits.in;
import static govgrade.facts.BatchEdits.only;
import static govgrade.facts.BatchEdits.read;
import static govgrade.facts.BatchEdits.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's {@code earlier} periods: bound strictly, every mistake at its JSON path, bounded by limits. */
class EarlierBindingTest {
    private static final String MAY = """
            { "period": { "from": "2023-05-01", "to": "2023-05-31" },
              "results": [ { "type": "unit", "id": "u-edu", "channel": "news", "grade": "FAIL",
                             "problems": ["NO_NEWS"], "figures": { "posts": 0, "ownFigure": 2.5 } } ] }""";

    private static String withEarlier(String... periods) {
        return edited("\"pack\": \"meixian\",", "\"pack\": \"meixian\", \"earlier\": [" + String.join(",", periods)
                + "],");
    }

    @Test
    void bindsPeriodResultsAndFiguresByNameIncludingNamesNotBuiltIn() {
        Batch b = read(withEarlier(MAY));
        assertEquals(1, b.earlier().size());
        Batch.Earlier may = b.earlier().get(0);
        assertEquals(LocalDate.of(2023, 5, 31), may.period().to());
        Batch.EarlierResult r = may.results().get(0);
        assertEquals(Channel.NEWS, r.channel());
        assertEquals("FAIL", r.grade());
        assertEquals(List.of("NO_NEWS"), r.problems());
        assertEquals(0, BigDecimal.ZERO.compareTo(r.figures().get("posts")));
        assertEquals(new BigDecimal("2.5"), r.figures().get("ownFigure"));
    }

    @Test
    void aBatchWithoutEarlierHasNoneAndWritesNone() {
        assertTrue(read(BatchEdits.VALID).earlier().isEmpty());
    }

    @Test
    void eachMistakeIsNamedAtItsPath() {
        String bad = """
                { "period": { "from": "2023-05-01", "to": "2023-06-15" },
                  "results": [ { "type": "person", "id": "", "channel": "radio", "grade": "GREAT",
                                 "problems": ["no news"], "figures": { "posts": "0", "9lives": 1 }, "colour": 1 } ] }""";
        var all = violations(withEarlier(bad));
        String r = "earlier[0].results[0]";
        at(all, "earlier[0].period.to");
        assertMentions(at(all, r + ".type").expected(), "unit or account");
        at(all, r + ".id");
        assertMentions(at(all, r + ".channel").found(), "radio");
        assertMentions(at(all, r + ".grade").expected(), "EXCELLENT");
        assertMentions(at(all, r + ".problems[0]").expected(), "upper-case");
        assertMentions(at(all, r + ".figures.posts").expected(), "a number");
        assertMentions(at(all, r + ".figures.9lives").expected(), "letters and digits");
        assertMentions(at(all, r + ".colour").found(), "unknown field");
    }

    @Test
    void overlappingPeriodsAndASubjectTwiceInAPeriodAreRefused() {
        String overlapping = MAY.replace("2023-05-01", "2023-05-20").replace("2023-05-31", "2023-05-25");
        assertMentions(only(withEarlier(MAY, overlapping)).found(), "overlapping earlier[0]");
        String twice = MAY.replace("] }", ", { \"type\": \"unit\", \"id\": \"u-edu\", \"channel\": \"news\" } ] }");
        assertMentions(only(withEarlier(twice)).found(), "a second time");
    }

    @Test
    void aNullFigureIsLeftOutAsANullFieldIsEverywhere() {
        Batch b = read(withEarlier(MAY.replace("\"ownFigure\": 2.5", "\"ownFigure\": null")));
        assertEquals(java.util.Set.of("posts"), b.earlier().get(0).results().get(0).figures().keySet());
    }

    @Test
    void aRepeatedFigureIsRefused() {
        String twice = MAY.replace("\"posts\": 0,", "\"posts\": 0, \"posts\": 1,");
        assertEquals("earlier[0].results[0].figures.posts", only(withEarlier(twice)).path());
    }

    @Test
    void periodsAndTheirResultsAreBoundedByLimitsNamingTheOption() {
        BatchLimits one = BatchLimits.DEFAULTS.withEarlier(1, 1);
        BatchRejected periods = assertThrows(BatchRejected.class,
                () -> BatchReader.read(in(withEarlier(MAY, MAY.replace("-05-", "-04-"))), null, one));
        assertTrue(periods.overLimit());
        assertMentions(periods.violations().get(0).expected(), "--max-earlier-periods");
        String two = MAY.replace("] }", ", { \"type\": \"unit\", \"id\": \"u-town\", \"channel\": \"news\" } ] }");
        BatchRejected results = assertThrows(BatchRejected.class,
                () -> BatchReader.read(in(withEarlier(two)), null, one));
        assertMentions(results.violations().get(0).expected(), "--max-earlier-results");
        BatchLimits oneFigure = new BatchLimits(31, 10, 10, 10, 10, 10, 10, 1, 500, 100);
        BatchRejected figures = assertThrows(BatchRejected.class,
                () -> BatchReader.read(in(withEarlier(MAY)), null, oneFigure));
        assertTrue(figures.overLimit());
        assertEquals("earlier[0].results[0].figures.ownFigure", figures.violations().get(0).path());
        assertMentions(figures.violations().get(0).expected(), "--max-findings");
    }
}
