package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import govgrade.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Grading over HTTP: the same answer as the command line, each batch stored once, the pack named in the URL. */
class GradingEndpointsTest extends ServiceOnAPort {

    static List<String> packs() {
        return Fixtures.PACKS;
    }

    @ParameterizedTest
    @MethodSource("packs")
    void gradingAFixtureOverHttpEqualsTheCommandLine(String pack) throws Exception {
        TestClient.Response r = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch(pack)));
        assertEquals(200, r.status(), r.text());
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "grade",
                Fixtures.batch(pack).toString()));
        ObjectNode http = (ObjectNode) r.json();
        ObjectNode cli = (ObjectNode) JSON.readTree(out.toString());
        assertEquals("/api/v1/runs/" + http.get("run").asText(), r.headers().get("location").get(0));
        http.remove("run");
        cli.remove("run");
        assertEquals(cli, http);
    }

    @Test
    void aBatchPostedTwiceIsStoredOnceWithTwoRuns() throws Exception {
        byte[] batch = Files.readAllBytes(Fixtures.batch("shangnan"));
        String a = client.post("/api/v1/grade", batch).json().get("run").asText();
        String b = client.post("/api/v1/grade", batch).json().get("run").asText();
        assertNotEquals(a, b);
        assertEquals(1, count("batches"));
        assertEquals(2, count("runs"));
        assertEquals(20, count("results"));
    }

    @Test
    void thePackMayBeNamedInTheUrl() throws Exception {
        String body = Files.readString(Fixtures.batch("shangnan")).replace("\"pack\": \"shangnan\",", "");
        assertFalse(body.contains("\"pack\""));
        TestClient.Response r = client.post("/api/v1/grade?pack=shangnan", body);
        assertEquals(200, r.status(), r.text());
        assertEquals("shangnan", r.json().at("/pack/id").asText());
        TestClient.Response clash = client.post("/api/v1/grade?pack=shangqiu", Files.readAllBytes(Fixtures.batch("shangnan")));
        assertEquals(400, clash.status());
        assertEquals("pack", clash.json().get("path").asText());
    }
}
