package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade} checks a batch's figures against its pack once the pack is known, as the service does. */
class GradeFiguresTest {
    @Test
    void aFigureThePackDoesNotDeclareExitsAsABadBatchAtItsPath(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode b = (ObjectNode) json.readTree(Files.readAllBytes(Fixtures.batch("shangqiu")));
        ((ObjectNode) b.get("accounts").get(1)).set("figures", json.readTree("{\"totalPosts\": 5}"));
        Path file = dir.resolve("figures.json");
        Files.write(file, json.writeValueAsBytes(b));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "grade", file.toString());
        assertEquals(GradeCommand.BAD_BATCH, code, err.toString());
        assertTrue(err.toString().contains("accounts[1].figures.totalPosts"), err.toString());
        assertTrue(err.toString().contains("declares none"), err.toString());
        assertEquals("", out.toString());
    }
}
