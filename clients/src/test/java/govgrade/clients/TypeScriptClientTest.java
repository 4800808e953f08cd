package govgrade.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * openapi-typescript 7.13.0 types generated from the document, compiled by tsc 5.9.3 (strict), and
 * a script calling every operation through openapi-fetch 0.17.0 under node against the shaded jar
 * (clients/ts, its versions pinned by its package-lock.json). The script writes each answer as
 * received; this test holds them to the document with the same validator as the Java client's.
 */
@Tag("slow")
class TypeScriptClientTest {
    static final Path TS = JavaClientTest.HOME.resolve("clients/ts");

    @TempDir
    Path dir;

    @Test
    void theGeneratedTypesCompileAndEveryOperationAnswersAsTheDocumentSays() throws Exception {
        Path installed = TS.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(TS.resolve("package-lock.json"))) < 0) {
            run(TS, 600, "npm", "ci", "--no-audit", "--no-fund");
        }
        run(TS, 120, "npm", "run", "generate");
        run(TS, 300, "npm", "run", "build");
        Path annex = Files.write(dir.resolve("annex.xlsx"), Annex.meixian());
        Path exchanges = dir.resolve("exchanges.json");
        try (ServedJar server = ServedJar.start(JavaClientTest.HOME, dir, Map.of(
                "GOVGRADE_ADMIN_TOKEN", JavaClientTest.ADMIN, "GOVGRADE_GRADER_TOKEN", JavaClientTest.GRADER))) {
            String out = run(TS, 600, "node", "dist/src/run.js", server.base(), JavaClientTest.ADMIN,
                    JavaClientTest.GRADER, JavaClientTest.HOME.toString(), annex.toString(), exchanges.toString());
            assertTrue(out.contains("answers written"), out);
        }
        DocumentCheck doc = new DocumentCheck();
        for (JsonNode e : DocumentCheck.JSON.readTree(exchanges.toFile())) {
            doc.answer(e.get("method").asText(), e.get("path").asText(), e.get("status").asInt(),
                    e.get("contentType").isNull() ? null : e.get("contentType").asText(),
                    Base64.getDecoder().decode(e.get("body").asText()));
        }
        assertEquals(List.of(), doc.mismatches(), "answers the document does not admit");
        Set<String> missing = new TreeSet<>(doc.operations());
        missing.removeAll(doc.exercised());
        assertEquals(Set.of(), missing, "operations of the served document the TypeScript client never called");
        assertTrue(doc.checked() > 60, "answers checked: " + doc.checked());
    }

    /** Runs a command in {@code dir}; fails with its output unless it exits 0 within {@code seconds}. */
    private String run(Path dir, long seconds, String... command) throws Exception {
        Path log = Files.createTempFile(this.dir, "cmd", ".log");
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done && p.exitValue() == 0, String.join(" ", cmd) + (done ? " exited " + p.exitValue()
                : " took over " + seconds + " s") + ":\n" + out);
        return out;
    }
}
