package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.published.PackTests;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Every operation of a live server, over every bundled fixture and the errors a client meets,
 * answered as the served document says: listed status, content type, and a body its schema
 * admits, checked by a validator no one here wrote.
 */
class OpenApiAnswersTest extends ServiceOnAPort {

    @Test
    void errorAnswersFitTheDocument() throws Exception {
        DocumentAnswers doc = new DocumentAnswers();
        doc.check("post", "/api/v1/grade", client.post("/api/v1/grade", "{\"pack\": 7}"));
        doc.check("post", "/api/v1/grade", client.post("/api/v1/grade", "{\"pack\": \"nowhere\", \"period\": "
                + "{\"from\": \"2024-01-01\", \"to\": \"2024-03-31\"}}"));
        doc.check("get", "/api/v1/runs/{run}", client.get("/api/v1/runs/nope"));
        doc.check("post", "/api/v1/runs/{run}/whatif", client.post("/api/v1/runs/nope/whatif", "{}"));
        doc.check("get", "/api/v1/whatifs/{whatif}", client.get("/api/v1/whatifs/nope"));
        doc.check("get", "/api/v1/packs/{pack}", client.get("/api/v1/packs/nowhere"));
        doc.check("get", "/api/v1/packs/{pack}/versions", client.get("/api/v1/packs/nowhere/versions"));
        doc.check("post", "/api/v1/packs/{pack}/drafts", client.upload("/api/v1/packs/meixian/drafts",
                java.util.Map.of("a.drl", new byte[] {1}), null));
        doc.check("post", "/api/v1/packs/{pack}/drafts", client.upload("/api/v1/packs/meixian/drafts",
                java.util.Map.of("a.drl", new byte[] {1}), "wrong"));
        doc.check("post", "/api/v1/packs/{pack}/versions/{version}/publish",
                client.postWithToken("/api/v1/packs/meixian/versions/abc/publish", TOKEN));
        doc.check("get", "/api/v1/runs/{run}/report.xlsx", client.get("/api/v1/runs/nope/report.xlsx"));
        doc.check("get", "/api/v1/whatifs/{whatif}/report.xlsx", client.get("/api/v1/whatifs/nope/report.xlsx"));
        String run = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian"))).json().get("run")
                .asText();
        doc.check("post", "/api/v1/runs/{run}/whatif", client.post("/api/v1/runs/" + run + "/whatif",
                "{\"pack\": \"luoshan\"}"));
        doc.check("post", "/api/v1/runs/{run}/reconcile", client.post("/api/v1/runs/" + run + "/reconcile",
                "{\"results\": \"x\"}"));
        doc.check("post", "/api/v1/runs/{run}/reconcile", client.post("/api/v1/runs/nope/reconcile", "{}"));
        TestClient.Response wrongMethod = client.post("/api/v1/health", "{}");
        assertEquals(404, wrongMethod.status(), "the document says a method a path does not take is 404");
        assertEquals("not_found", wrongMethod.json().get("error").asText());
        doc.checkExamples();
        assertTrue(doc.checked() > 15);
    }

    @Test
    void anAnswerTheDocumentDoesNotAdmitFails() throws Exception {
        DocumentAnswers doc = new DocumentAnswers();
        TestClient.Response graded = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian")));
        com.fasterxml.jackson.databind.node.ObjectNode tampered =
                (com.fasterxml.jackson.databind.node.ObjectNode) graded.json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tampered.get("results").get(0)).put("grade", "BRILLIANT");
        TestClient.Response wrong = new TestClient.Response(200, JSON.writeValueAsBytes(tampered), graded.headers());
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> doc.check("post", "/api/v1/grade", wrong));
        assertTrue(e.getMessage().contains("/results/0/grade"), e.getMessage());
    }

    @Test
    void theServiceOperationsFitTheDocument() throws Exception {
        DocumentAnswers doc = new DocumentAnswers();
        doc.check("get", "/api/v1/health", client.get("/api/v1/health"));
        doc.check("get", "/api/v1/openapi.json", client.get("/api/v1/openapi.json"));
        doc.check("get", "/api/v1/packs", client.get("/api/v1/packs"));
        for (String pack : Fixtures.PACKS) {
            doc.check("get", "/api/v1/packs/{pack}", client.get("/api/v1/packs/" + pack));
            doc.check("get", "/api/v1/packs/{pack}/versions", client.get("/api/v1/packs/" + pack + "/versions"));
        }
    }

    @Test
    @Tag("slow")
    void everyFixtureGradedRegradedReconciledAndReportedFitsTheDocument() throws Exception {
        DocumentAnswers doc = new DocumentAnswers();
        for (Path expected : Fixtures.expectedFiles()) {
            Path batch = PackTests.batchOf(expected);
            TestClient.Response graded = client.post("/api/v1/grade", Files.readAllBytes(batch));
            doc.check("post", "/api/v1/grade", graded);
            assertEquals(200, graded.status(), batch + ": " + graded.text());
            String run = graded.json().get("run").asText();
            doc.check("get", "/api/v1/runs/{run}", client.get("/api/v1/runs/" + run));
            TestClient.Response w = client.post("/api/v1/runs/" + run + "/whatif", "{}");
            doc.check("post", "/api/v1/runs/{run}/whatif", w);
            String whatIf = w.json().get("id").asText();
            doc.check("get", "/api/v1/whatifs/{whatif}", client.get("/api/v1/whatifs/" + whatIf));
            doc.check("post", "/api/v1/runs/{run}/reconcile", client.post("/api/v1/runs/" + run + "/reconcile",
                    Files.readAllBytes(expected)));
            doc.check("get", "/api/v1/runs/{run}/report.xlsx", client.get("/api/v1/runs/" + run + "/report.xlsx"));
            doc.check("get", "/api/v1/whatifs/{whatif}/report.xlsx",
                    client.get("/api/v1/whatifs/" + whatIf + "/report.xlsx"));
        }
    }
}
