package govgrade.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checklist the client tests rely on fails where it should: an answer off the document, a path it lacks. */
class DocumentCheckTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerThatFitsCountsItsOperationAsCalled() {
        DocumentCheck doc = new DocumentCheck();
        doc.answer("GET", "/api/v1/health", 200, "application/json",
                utf8("{\"status\": \"ok\", \"packs\": {}, \"packStates\": {}, \"store\": \"ok\"}"));
        assertEquals(List.of(), doc.mismatches());
        assertEquals(Set.of("health"), doc.exercised());
        assertTrue(doc.operations().containsAll(Set.of("gradeBatch", "reconcileRun", "metrics", "audit")),
                doc.operations().toString());
    }

    @Test
    void answersTheDocumentDoesNotAdmitAreMismatches() {
        DocumentCheck doc = new DocumentCheck();
        doc.answer("GET", "/api/v1/runs/abc", 200, "application/json", utf8("{\"run\": \"abc\"}"));
        doc.answer("GET", "/api/v1/health", 418, "application/json", utf8("{}"));
        doc.answer("GET", "/api/v1/runs/abc/report.xlsx", 200, "text/html", utf8("<html>"));
        doc.answer("DELETE", "/api/v1/runs/abc", 404, "application/json", utf8("{}"));
        List<String> m = doc.mismatches();
        assertEquals(4, m.size(), m.toString());
        assertTrue(m.get(0).contains("getRun") && m.get(0).contains("does not fit its schema"), m.get(0));
        assertTrue(m.get(1).contains("does not list 418"), m.get(1));
        assertTrue(m.get(2).contains("answers text/html"), m.get(2));
        assertTrue(m.get(3).contains("no operation"), m.get(3));
    }
}
