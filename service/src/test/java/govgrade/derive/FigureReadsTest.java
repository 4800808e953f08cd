package govgrade.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.facts.BatchReader;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A subject notes the figures rules read of it; asking for a figure's value is not a read. */
class FigureReadsTest {

    private static DerivedBatch fixture(String pack) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("fixtures", pack, pack + ".json"))) {
            return Deriver.derive(BatchReader.read(in, null));
        }
    }

    @Test
    void aFreshSubjectHasReadNothingAndAskingForAValueReadsNothing() throws Exception {
        NewMediaAccount a = fixture("meixian").accounts().get(0);
        for (Figure f : Figure.values()) {
            assertFalse(a.wasRead(f), f.name());
        }
        assertEquals(a.figure(Figure.POSTS), a.figure(Figure.POSTS));
        assertFalse(a.wasRead(Figure.POSTS), "figure() is how grading copies a value, not a rule's read");
    }

    @Test
    void aGetterARuleCallsMarksItsFigureAndNoOther() throws Exception {
        NewMediaAccount a = fixture("meixian").accounts().get(0);
        Integer originals = a.getOriginals();
        assertTrue(a.wasRead(Figure.ORIGINALS));
        assertEquals(originals, a.figure(Figure.ORIGINALS));
        assertFalse(a.wasRead(Figure.POSTS));
        assertFalse(a.wasRead(Figure.REPOSTS));
    }

    @Test
    void lateRepliesCountAgainstTheLimitTheRulesAskedWith() throws Exception {
        NewMediaAccount a = fixture("qingshen").accounts().stream().filter(x -> x.getMessages() > 0)
                .findFirst().orElseThrow();
        assertNull(a.figure(Figure.LATE_REPLIES), "no rule has asked with a limit yet");
        int late = a.lateReplies(BigDecimal.valueOf(24));
        assertTrue(a.wasRead(Figure.LATE_REPLIES));
        assertEquals(late, a.figure(Figure.LATE_REPLIES));
        assertEquals(a.getMessages(), a.figure(Figure.MESSAGES));
        a.lateReplies(0);
        assertEquals(late, a.figure(Figure.LATE_REPLIES), "the first limit asked stays the figure's");
    }

    @Test
    void unitChannelsAndColumnsMarkTheirOwnCounts() throws Exception {
        DerivedBatch b = fixture("meixian");
        UnitActivity news = b.activity().get(0);
        news.getPosts();
        assertTrue(news.wasRead(Figure.POSTS));
        assertFalse(news.wasRead(Figure.SUBMITTED));
        UnitColumns columns = b.columns().get(0);
        columns.getExcess();
        assertFalse(columns.wasRead(Figure.DUE), "excess is not a figure the annex prints");
        columns.getDue();
        assertTrue(columns.wasRead(Figure.DUE));
        assertEquals(columns.getDue(), columns.figure(Figure.DUE));
    }
}
