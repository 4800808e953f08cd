package govgrade.packs.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.Budgets;
import govgrade.packs.PackError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.drools.template.parser.DecisionTableParseException;
import org.junit.jupiter.api.Test;

class MessagePlacerTest {

    @Test
    void aRealDrlSyntaxErrorIsPlacedAtItsFileAndLineOnce() throws Exception {
        String drl = "package govgrade.packs.placer;\n\nrule \"r\" whne\n    eval( true )\nthen\nend\n";
        String path = "src/main/resources/govgrade/packs/placer/placer.drl";
        DroolsBuild.Outcome built = DroolsBuild.run("placer", "placer-1", Map.of(path, drl.getBytes(StandardCharsets.UTF_8)),
                Budgets.DEFAULTS);
        assertNull(built.base());
        assertTrue(built.errors().size() > 1, "Drools repeats itself: " + built.errors());

        List<PackError> placed = MessagePlacer.place(built.errors(),
                Map.of(path, Origin.drl("rules-drl/placer/placer.drl")));

        PackError first = placed.get(0);
        assertEquals("rules-drl/placer/placer.drl", first.file());
        assertEquals(3, first.line());
        assertTrue(first.message().contains("whne"), first.message());
        assertTrue(placed.stream().noneMatch(e -> e.message().contains("Parser returned a null Package")), placed.toString());
    }

    @Test
    void aDecisionTableParseErrorIsPlacedAtTheCellItNames() {
        PackError e = MessagePlacer.sheetFailure("decision-tables/x/x.xlsx", "参数",
                new DecisionTableParseException("Data cell B7 has an empty column header."));
        assertEquals("参数", e.sheet());
        assertEquals("B7", e.cell());
        assertEquals("Data cell B7 has an empty column header.", e.message());
    }

    @Test
    void anyOtherFailureOfASheetSaysTheTableCannotBeRead() {
        PackError e = MessagePlacer.sheetFailure("decision-tables/x/x.xlsx", "参数", new IllegalStateException("bad\n  thing"));
        assertNull(e.cell());
        assertEquals("cannot read the decision table: bad thing", e.message());
    }

    @Test
    void aGeneratedLineLeadsBackToItsRowsFirstCell() {
        String drl = "package p;\n// rule values at A10, header at A5\nrule \"x_10\"\nwhen\nthen\nend\n"
                + "// rule values at A11, header at A5\nrule \"x_11\"\nwhen\n  bad\nthen\nend\n";
        assertEquals("A10", MessagePlacer.rowCell(drl, 4));
        assertEquals("A11", MessagePlacer.rowCell(drl, 10));
        assertNull(MessagePlacer.rowCell(drl, 1));
    }

    @Test
    void longMessagesAreCutToOneLine() {
        String s = MessagePlacer.brief("a\n\n b" + "c".repeat(500));
        assertTrue(s.startsWith("a b"));
        assertEquals(401, s.length());
    }
}
