package govgrade.facts;

import static govgrade.facts.BatchEdits.assertMentions;
import static govgrade.facts.BatchEdits.edited;
import static govgrade.facts.BatchEdits.in;
import static govgrade.facts.BatchEdits.only;
import static govgrade.facts.BatchEdits.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code figures} object of units, accounts, columns and activity: read as sent, strict about
 * what any batch must be (scalars, each name once, bounded), checked against a pack's declarations
 * with every mistake at its path.
 */
class BatchFiguresTest {
    private static final String ACCOUNT = "\"id\": \"a-edu\",";
    private static final DeclaredFigures DECLARED = new DeclaredFigures(List.of(
            new DeclaredFigure("totalPosts", FigurePlace.ACCOUNT, FigureType.COUNT, true, "发布条数"),
            new DeclaredFigure("weight", FigurePlace.ACCOUNT, FigureType.NUMBER, false, "权重"),
            new DeclaredFigure("openedOn", FigurePlace.ACCOUNT, FigureType.DATE, false, "开通日期"),
            new DeclaredFigure("verified", FigurePlace.ACCOUNT, FigureType.YES_NO, false, "已认证"),
            new DeclaredFigure("level", FigurePlace.UNIT, FigureType.TEXT, false, "网站级别"),
            new DeclaredFigure("higherPortal", FigurePlace.ACTIVITY, FigureType.COUNT, false, "上级网站采用"),
            new DeclaredFigure("staff", FigurePlace.COLUMN, FigureType.COUNT, false, "维护人数")));

    private static String withFigures(String account) {
        return edited(ACCOUNT, ACCOUNT + " \"figures\": " + account + ",");
    }

    @Test
    void figuresAreReadAsSentOnEveryPlace() {
        Batch b = read(edited(ACCOUNT, ACCOUNT + " \"figures\": { \"totalPosts\": 48, \"weight\": 1.5,"
                        + " \"openedOn\": \"2020-01-02\", \"verified\": true, \"gone\": null },",
                "\"region\": \"眉县\" },", "\"region\": \"眉县\", \"figures\": { \"level\": \"county\" } },",
                "\"adopted\": 25 }", "\"adopted\": 25, \"figures\": { \"higherPortal\": 3 } }",
                "\"updates\": 6 }", "\"updates\": 6, \"figures\": { \"staff\": 2 } }"));
        assertEquals(Map.of("totalPosts", 48, "weight", new BigDecimal("1.5"), "openedOn", "2020-01-02",
                "verified", true), b.accounts().get(0).figures());
        assertNull(b.accounts().get(1).figures());
        assertEquals(Map.of("level", "county"), b.units().get(0).figures());
        assertEquals(Map.of("higherPortal", 3), b.activity().get(0).figures());
        assertEquals(Map.of("staff", 2), b.columns().get(0).figures());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{ \"x\": { \"y\": 1 } }|accounts[0].figures.x|a string, a number or true/false",
        "{ \"x\": [1] }|accounts[0].figures.x|a string, a number or true/false",
        "{ \"x\": 1e-999 }|accounts[0].figures.x|plain digits",
        "{ \"x\": 12345678901234567890123456789012345678901 }|accounts[0].figures.x|at most 40 characters",
        "{ \"x\": 1, \"x\": 2 }|accounts[0].figures.x|each field once",
        "[ 1, 2 ]|accounts[0].figures|an object of figures",
        "\"totalPosts=48\"|accounts[0].figures|an object of figures",
    })
    void whatNoBatchMaySayIsRefusedAtItsPathWhileReading(String figures, String path, String expected) {
        Violation v = only(withFigures(figures));
        assertEquals(path, v.path(), v::message);
        assertMentions(v.message(), expected);
    }

    @Test
    void aFiguresObjectIsBoundedAndTheRestIsSkippedUnread() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 150; i++) {
            many.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": ").append(i);
        }
        BatchRejected e = assertThrows(BatchRejected.class, () -> BatchReader.read(in(withFigures(many + "}")), null));
        assertTrue(e.overLimit(), e.getMessage());
        assertEquals(1, e.violations().size(), e.getMessage());
        assertMentions(e.violations().get(0).message(), "at most 100 figures");
    }

    @Test
    void everyMistakeAgainstThePacksDeclarationsIsSaidAtItsPathInOneRefusal() {
        Batch b = read(edited(ACCOUNT, ACCOUNT + " \"figures\": { \"totalPost\": 48, \"weight\": \"1.5\","
                        + " \"openedOn\": \"2020-02-30\", \"verified\": 1 },",
                "\"adopted\": 25 }", "\"adopted\": 25, \"figures\": { \"higherPortal\": -3, \"level\": \"x\" } }"));
        BatchRejected e = assertThrows(BatchRejected.class, () -> DECLARED.check(b, "meixian", 100));
        List<String> paths = e.violations().stream().map(Violation::path).toList();
        assertEquals(List.of("accounts[0].figures.totalPost", "accounts[0].figures.weight",
                "accounts[0].figures.openedOn", "accounts[0].figures.verified", "accounts[0].figures.totalPosts",
                "accounts[1].figures.totalPosts", "activity[0].figures.higherPortal", "activity[0].figures.level"),
                paths, e::getMessage);
        assertMentions(e.violations().get(0).message(), "does not declare", "meixian", "did you mean totalPosts?");
        assertMentions(e.violations().get(1).message(), "\"1.5\"", "a number");
        assertMentions(e.violations().get(2).message(), "YYYY-MM-DD");
        assertMentions(e.violations().get(3).message(), "true or false");
        assertMentions(e.violations().get(4).message(), "required", "发布条数");
        assertMentions(e.violations().get(6).message(), ">= 0");
        assertMentions(e.violations().get(7).message(), "higherPortal");
    }

    @Test
    void aBatchThatFitsTheDeclarationsPasses() throws BatchRejected {
        Batch b = read(edited(ACCOUNT, ACCOUNT + " \"figures\": { \"totalPosts\": 0, \"weight\": -2.25 },",
                "\"recommendedReposts\": 0 }", "\"recommendedReposts\": 0, \"figures\": { \"totalPosts\": 4 } }"));
        DECLARED.check(b, "meixian", 100);
        // Which names a batch may give is the pack's to say: reading alone takes any.
        assertEquals(Map.of("a", 1), read(withFigures("{ \"a\": 1 }")).accounts().get(0).figures());
    }
}
