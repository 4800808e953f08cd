package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.packs.RuleLibrary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code new-pack}: a real run of the command in an installation of its own, then validate and test on what it made. */
class NewPackCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path home;

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** An installation with the shared rule library and nothing else. */
    private Path withLibrary() throws Exception {
        Path lib = Files.createDirectories(home.resolve(RuleLibrary.LIB_DIR));
        try (Stream<Path> s = Files.list(Path.of(RuleLibrary.LIB_DIR))) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.copy(f, lib.resolve(f.getFileName()));
            }
        }
        return home;
    }

    @Test
    @Tag("slow") // compiles and grades the new pack twice (about 6 s)
    void aNewPackValidatesAndPassesItsSkeletonFixtureAsCreated() throws Exception {
        withLibrary();
        assertEquals(0, run("new-pack", "xining-chengzhong", "--name", "西宁市城中区", "--from", "starter", "--home",
                home.toString()), err.toString());
        String text = out.toString();
        for (String made : new String[] {"rules-drl/xining-chengzhong/xining-chengzhong.drl",
                "decision-tables/xining-chengzhong/xining-chengzhong.xlsx",
                "fixtures/xining-chengzhong/xining-chengzhong.json",
                "fixtures/xining-chengzhong/xining-chengzhong.expected.json"}) {
            assertTrue(Files.isRegularFile(home.resolve(made)), made);
            assertTrue(text.contains(made), text);
        }
        assertTrue(text.contains("1. decision-tables/xining-chengzhong/xining-chengzhong.xlsx: 参数") && text.contains(
                "4. java -jar target/govgrade.jar validate xining-chengzhong") && text.contains("5. java -jar target/"
                + "govgrade.jar test xining-chengzhong"), text);
        String drl = Files.readString(home.resolve("rules-drl/xining-chengzhong/xining-chengzhong.drl"));
        assertTrue(drl.contains("package govgrade.packs.xining_chengzhong;") && drl.contains("西宁市城中区")
                && drl.contains("// include: veto, findings, stale, pass"), drl);

        out.getBuffer().setLength(0);
        assertEquals(0, run("validate", "xining-chengzhong", "--home", home.toString()), out + " " + err);
        assertTrue(out.toString().contains("ok ("), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("test", "xining-chengzhong", "--home", home.toString()), out + " " + err);
        // The starter grows with the house's sheet kinds: any number of figures, all reproduced.
        assertTrue(out.toString().matches("(?s).*\\b(\\d+) published figures in 1 fixture\\(s\\): \\1 reproduced, 0 known "
                + "differences, none differs from the published figures.*"), out.toString());

        // Each of the starter's parts grades: a declared figure (数据项 totalPosts 0 gives 本期未发布信息), an
        // earlier period (the batch's June gives 连续两期, and the result names the period it read), the
        // 扣分 sheet (100 less 10 and 30) and the 等级分档 sheet (60 is 合格, 100 优秀; the veto wins over 40).
        out.getBuffer().setLength(0);
        assertEquals(0, run("grade", home.resolve("fixtures/xining-chengzhong/xining-chengzhong.json").toString(),
                "--home", home.toString()), err.toString());
        JsonNode results = new ObjectMapper().readTree(out.toString()).get("results");
        assertEquals(3, results.size(), out.toString());
        JsonNode a1 = results.get(0);
        JsonNode a2 = results.get(1);
        JsonNode a3 = results.get(2);
        assertEquals("EXCELLENT 100.0", a1.get("grade").asText() + " " + a1.get("score").asText(), a1.toString());
        assertEquals("FAIL 40.0", a2.get("grade").asText() + " " + a2.get("score").asText(), a2.toString());
        assertEquals("连续两期两周未更新", a2.get("problems").get(1).get("label").asText(), a2.toString());
        assertEquals("batch", a2.get("earlier").get(0).get("source").asText(), a2.toString());
        assertEquals("PASS 60.0", a3.get("grade").asText() + " " + a3.get("score").asText(), a3.toString());
        assertEquals("本期未发布信息", a3.get("problems").get(1).get("label").asText(), a3.toString());
        assertEquals(0, a3.get("figures").get("declared").get("totalPosts").asInt(), a3.toString());
        // The county's name as --name gave it, on the starter's 设置 row displayName: the report's titles print it.
        assertEquals("西宁市城中区", new ObjectMapper().readTree(out.toString()).at("/report/displayName").asText());

        // A copy that drops the veto rule still validates, and says the 问题 sheet's grade now does nothing.
        Path drlFile = home.resolve("rules-drl/xining-chengzhong/xining-chengzhong.drl");
        Files.writeString(drlFile, drl.replace("// include: veto, findings", "// include: findings"));
        out.getBuffer().setLength(0);
        assertEquals(0, run("validate", "xining-chengzhong", "--home", home.toString()), out + " " + err);
        assertTrue(out.toString().contains("[问题!D11]") && out.toString().contains("no rule of the pack applies vetoes"),
                out.toString());
    }

    @Test
    void aBadIdIsRefusedWithTheRuleAndASuggestion() throws Exception {
        assertEquals(2, run("new-pack", "Wuding 2", "--from", "starter", "--home", home.toString()), "bad input");
        assertTrue(err.toString().contains("\"Wuding 2\" is not a pack id") && err.toString().contains("[a-z0-9]")
                && err.toString().contains("try wuding-2"), err.toString());
        assertEquals(2, run("new-pack", "武定", "--from", "starter", "--home", home.toString()));
        assertTrue(err.toString().contains("pinyin, e.g. wuding") && err.toString().contains("包代码"), err.toString());
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(0, s.count(), "nothing is written for a bad id");
        }
    }

    @Test
    void aMissingStarterIsBadInput() throws Exception {
        assertEquals(2, run("new-pack", "wuding", "--from", home.resolve("nowhere").toString(), "--home",
                home.toString()));
        assertTrue(err.toString().contains("no starter pack at"), err.toString());
    }

    @Test
    void anExistingPackIsNotOverwritten() throws Exception {
        Path drl = Files.createDirectories(home.resolve("rules-drl/Wuding")).resolve("wuding.drl");
        Files.writeString(drl, "// mine");
        assertEquals(1, run("new-pack", "wuding", "--from", "starter", "--home", home.toString()));
        assertTrue(err.toString().contains("pack wuding exists already (rules-drl/Wuding)"), err.toString());
        assertEquals("// mine", Files.readString(drl));
        assertFalse(Files.exists(home.resolve("decision-tables/wuding")), "nothing else is written either");
    }

    @Test
    void aMissingLibraryIsSaidAtOnce() throws Exception {
        assertEquals(0, run("new-pack", "wuding", "--from", "starter", "--home", home.toString()), err.toString());
        assertTrue(out.toString().contains("note: rules-lib/veto.drl is not in"), out.toString());
        assertTrue(Files.readString(home.resolve("fixtures/wuding/wuding.json")).contains("\"pack\": \"wuding\""));
    }
}
