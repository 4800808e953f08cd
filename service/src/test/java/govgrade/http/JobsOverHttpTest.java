package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs over HTTP on one instance over SQLite: the same changes as the single what-ifs, new runs from a regrade, and refusals by path. */
class JobsOverHttpTest extends ServiceOnAPort {
    /** Every answer here is held to openapi.json as well. */
    private DocumentAnswers doc;

    @BeforeEach
    void readDocument() throws Exception {
        doc = new DocumentAnswers();
    }

    private List<String> gradeMeixian(int times) throws Exception {
        List<String> runs = new ArrayList<>();
        for (int k = 0; k < times; k++) {
            runs.add(client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("meixian"))).json().get("run").asText());
        }
        return runs;
    }

    /** A draft that raises "excellent news" from 5 to 7 posts: three of Mei county's subjects change. */
    private String draft() throws Exception {
        Path home = PackCopy.copy("meixian", dir.resolve("staff"));
        Path xlsx = home.resolve("decision-tables/meixian/meixian.xlsx");
        PackCopy.editWorkbook(xlsx, wb -> PackCopy.rowOf(wb, "参数", "newsExcellentMinPosts").getCell(2).setCellValue(7));
        TestClient.Response draft = client.upload("/api/v1/packs/meixian/drafts",
                Map.of("meixian.xlsx", Files.readAllBytes(xlsx)), TOKEN);
        assertEquals(201, draft.status(), draft.text());
        return draft.json().get("version").asText();
    }

    private JsonNode finished(TestClient.Response started) throws Exception {
        doc.check("post", "/api/v1/jobs", started);
        assertEquals(202, started.status(), started.text());
        String location = started.headers().get("location").get(0);
        assertEquals("/api/v1/jobs/" + started.json().get("job").asText(), location);
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            TestClient.Response r = client.get(location);
            doc.check("get", "/api/v1/jobs/{job}", r);
            JsonNode job = r.json();
            if (job.get("state").asText().equals("finished")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not finish within 60 s: " + client.get(location).text());
    }

    @Test
    void aWhatIfJobOverTheRunsOfMeixianFindsTheChangesOfTheSingleWhatIfs() throws Exception {
        List<String> runs = gradeMeixian(3);
        String version = draft();
        JsonNode job = finished(client.post("/api/v1/jobs",
                "{\"kind\":\"whatif\",\"pack\":\"meixian\",\"version\":\"" + version + "\"}"));
        assertEquals(version, job.at("/pack/version").asText());
        assertEquals(3, job.at("/items/done").asInt(), job.toString());
        assertEquals(0, job.at("/items/failed").asInt());
        assertEquals(1, job.get("instances").size(), "one instance did them all: " + job);
        JsonNode answer = job.get("answer");
        int before = 0;
        int after = 0;
        for (int k = 0; k < runs.size(); k++) {
            JsonNode item = answer.get("runs").get(k);
            assertEquals(runs.get(k), item.get("run").asText(), "in the order the runs were stored");
            JsonNode single = client.post("/api/v1/runs/" + runs.get(k) + "/whatif",
                    "{\"version\":\"" + version + "\"}").json();
            JsonNode stored = client.get("/api/v1/whatifs/" + item.get("whatif").asText()).json();
            assertEquals(3, item.get("changes").asInt());
            assertEquals(single.get("changes"), stored.get("changes"));
            assertEquals(single.get("grades"), stored.get("grades"));
            assertNotEquals(single.get("id"), stored.get("id"));
            before += single.at("/grades/before/EXCELLENT").asInt();
            after += single.at("/grades/after/EXCELLENT").asInt();
        }
        assertEquals(9, answer.get("changes").asInt());
        assertEquals(before, answer.at("/grades/before/EXCELLENT").asInt());
        assertEquals(after, answer.at("/grades/after/EXCELLENT").asInt());
        assertEquals(before - 9, after);
    }

    @Test
    void aRegradeJobStoresANewRunPerRunUnderTheActiveVersion() throws Exception {
        List<String> runs = gradeMeixian(2);
        JsonNode job = finished(client.post("/api/v1/jobs", "{\"kind\":\"regrade\",\"pack\":\"meixian\"}"));
        assertEquals(2, job.at("/items/done").asInt(), job.toString());
        assertEquals(job.at("/answer/grades/before"), job.at("/answer/grades/after"));
        for (int k = 0; k < runs.size(); k++) {
            JsonNode item = job.at("/answer/runs/" + k);
            assertEquals(runs.get(k), item.get("run").asText());
            JsonNode old = client.get("/api/v1/runs/" + runs.get(k)).json();
            JsonNode fresh = client.get("/api/v1/runs/" + item.get("newRun").asText()).json();
            assertEquals(item.get("newRun").asText(), fresh.get("run").asText());
            ((ObjectNode) old).remove("run");
            ((ObjectNode) fresh).remove("run");
            assertEquals(old.get("results"), fresh.get("results"));
        }
        assertEquals(4, client.request("GET", "/api/v1/runs?pack=meixian", "Authorization", "Bearer " + TOKEN).json()
                .get("runs").size());
    }

    @Test
    void aPeriodWithNoRunsIsAJobFinishedAtOnceAndJobsListNewestFirst() throws Exception {
        gradeMeixian(1);
        TestClient.Response none = client.post("/api/v1/jobs",
                "{\"kind\":\"whatif\",\"pack\":\"meixian\",\"period\":{\"from\":\"1999-01-01\",\"to\":\"1999-12-31\"}}");
        doc.check("post", "/api/v1/jobs", none);
        assertEquals(202, none.status(), none.text());
        assertEquals("finished", none.json().get("state").asText());
        assertEquals(0, none.json().at("/items/total").asInt());
        assertEquals(0, none.json().at("/answer/runs").size());
        TestClient.Response day = client.post("/api/v1/jobs", "{\"kind\":\"whatif\",\"pack\":\"meixian\",\"period\":{\"day\":\"1999-05-01\"}}");
        assertEquals(202, day.status(), day.text());
        TestClient.Response first = client.request("GET", "/api/v1/jobs?limit=1", "Authorization", "Bearer " + TOKEN);
        doc.check("get", "/api/v1/jobs", first);
        doc.check("get", "/api/v1/jobs", client.get("/api/v1/jobs"));
        doc.check("get", "/api/v1/jobs", client.request("GET", "/api/v1/jobs?limit=0", "Authorization", "Bearer " + TOKEN));
        JsonNode page = first.json();
        assertEquals(day.json().get("job"), page.at("/jobs/0/job"));
        JsonNode next = client.request("GET", "/api/v1/jobs?limit=1&before=" + page.get("next").asText(),
                "Authorization", "Bearer " + TOKEN).json();
        assertEquals(none.json().get("job"), next.at("/jobs/0/job"));
        assertTrue(next.get("next").isNull(), next.toString());
    }

    @Test
    void aBadFieldIs400WithItsPathAndAnUnknownPackVersionOrJob404() throws Exception {
        assertPath(client.post("/api/v1/jobs", "{\"pack\":\"meixian\"}"), "kind");
        assertPath(client.post("/api/v1/jobs", "{\"kind\":\"rerun\",\"pack\":\"meixian\"}"), "kind");
        assertPath(client.post("/api/v1/jobs", "{\"kind\":\"whatif\"}"), "pack");
        assertPath(client.post("/api/v1/jobs", "{\"kind\":\"whatif\",\"pack\":\"meixian\",\"period\":{\"from\":"
                + "\"2024-13-01\",\"to\":\"2024-12-31\"}}"), "period.from");
        assertPath(client.post("/api/v1/jobs", "{\"kind\":\"whatif\",\"pack\":\"meixian\",\"period\":{\"from\":"
                + "\"2024-12-01\",\"to\":\"2024-01-31\"}}"), "period.to");
        assertPath(client.post("/api/v1/jobs", "{\"kind\":\"whatif\",\"pack\":\"meixian\",\"period\":7}"), "period");
        assertPath(client.post("/api/v1/jobs", "{\"kind\":\"whatif\",\"pack\":\"meixian\",\"runs\":[]}"), "runs");
        TestClient.Response nowhere = client.post("/api/v1/jobs", "{\"kind\":\"whatif\",\"pack\":\"nowhere\"}");
        doc.check("post", "/api/v1/jobs", nowhere);
        assertError(nowhere, 404, "unknown_pack");
        doc.check("get", "/api/v1/jobs/{job}", client.get("/api/v1/jobs/nope"));
        assertError(client.post("/api/v1/jobs", "{\"kind\":\"whatif\",\"pack\":\"meixian\",\"version\":\"abc\"}"), 404,
                "unknown_version");
        assertError(client.get("/api/v1/jobs/nope"), 404, "unknown_job");
    }

    @Test
    void theDocumentsExamplesOfJobsFitTheirSchemas() throws Exception {
        doc.checkExamples();
    }

    private void assertPath(TestClient.Response r, String path) throws Exception {
        doc.check("post", "/api/v1/jobs", r);
        assertError(r, 400, "invalid_request");
        assertEquals(path, r.json().get("path").asText(), r.text());
    }
}
