package govgrade.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.catalog.PackHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate before a version may be active: it must grade its fixtures, or the built-in batch, without an error. */
@Tag("slow")
class FixtureGateTest {

    @Test
    void everyBundledPackGradesItsFixturesAndTheBuiltInBatch(@TempDir Path empty) throws Exception {
        for (String pack : Fixtures.PACKS) {
            CompiledPack compiled = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE).load(pack);
            assertEquals(List.of(), new FixtureGate(Fixtures.HOME.resolve("fixtures")).check(compiled), pack);
            assertEquals(List.of(), new FixtureGate(empty).check(compiled), pack + " on the built-in batch");
        }
    }

    @Test
    void aRuleThatThrowsWhileGradingIsRefusedNamingTheFixtureAndTheRule(@TempDir Path dir) throws Exception {
        Path home = PackCopy.copy("shangqiu", dir.resolve("home"));
        Path drl = home.resolve("rules-drl/shangqiu/shangqiu.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"hostile: throws\"\nwhen\n    $a : NewMediaAccount()\n"
                + "then\n    insert(Integer.parseInt(\"boom\"));\nend\n", StandardCharsets.UTF_8);
        CompiledPack compiled = new PackHome(home, Fixtures.PACKS_CACHE).load("shangqiu");
        List<PackError> errors = new FixtureGate(Fixtures.HOME.resolve("fixtures")).check(compiled);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("fixtures/shangqiu/shangqiu.json", errors.get(0).file());
        assertTrue(errors.get(0).message().contains("hostile: throws") && errors.get(0).message().contains("boom"),
                errors.get(0).message());
        List<PackError> builtIn = new FixtureGate(dir.resolve("none")).check(compiled);
        assertEquals(1, builtIn.size(), builtIn.toString());
        assertTrue(builtIn.get(0).file().contains("built-in"), builtIn.toString());
    }
}
