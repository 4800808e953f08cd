package govgrade.packs.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.packs.PackCopy;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.PackSource;
import govgrade.packs.RuleLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared rule library as a pack sees it: taken in by an include line, versioned with the pack, checked at its own lines. */
class RuleLibraryTest {
    private static final String LUOSHAN_DRL = "rules-drl/luoshan/luoshan.drl";
    private static final String STALE = "rules-lib/stale.drl";

    @TempDir
    Path dir;

    @Test
    void anIncludedLibraryFileIsOneOfThePacksFilesAndOnlyThoseIncluded() throws Exception {
        PackSource luoshan = new PackHome(Fixtures.HOME).read("luoshan");
        assertArrayEquals(Files.readAllBytes(Fixtures.HOME.resolve(STALE)), luoshan.files().get(STALE));
        assertEquals(List.of(LUOSHAN_DRL, "decision-tables/luoshan/luoshan.xlsx", STALE).stream().sorted().toList(),
                List.copyOf(luoshan.files().keySet()));
        assertFalse(new PackHome(Fixtures.HOME).read("shangnan").files().keySet().stream()
                .anyMatch(RuleLibrary::isLibraryFile), "shangnan includes nothing");
    }

    @Test
    void aLibraryEditIsANewVersionOfThePacksThatIncludeItOnly() throws Exception {
        Path home = PackCopy.copy("qingshen", PackCopy.copy("luoshan", dir));
        PackHome packs = new PackHome(home, Fixtures.PACKS_CACHE);
        String luoshan = packs.read("luoshan").version();
        String luoshanCode = packs.read("luoshan").codeVersion();
        String qingshen = packs.read("qingshen").version();
        Files.writeString(home.resolve(STALE), "\n// 说明: edited\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertNotEquals(luoshan, packs.read("luoshan").version());
        assertEquals(qingshen, packs.read("qingshen").version(), "qingshen includes findings, not stale");
        assertNotEquals(luoshanCode, packs.read("luoshan").codeVersion(), "a library edit is a code change");
    }

    @Test
    void aBadLibraryRuleIsRefusedAtTheLibraryFileAndLine() throws Exception {
        Path home = PackCopy.copy("luoshan", dir);
        Path lib = home.resolve(STALE);
        int line = Files.readAllLines(lib).size() + 3;
        Files.writeString(lib, "\nrule \"坏规则\"\nwhen\n    $a : NewMediaAccount( nosuchField > 1 )\nthen\nend\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("luoshan"));
        PackError err = e.errors().get(0);
        assertEquals(STALE, err.file(), e.errors().toString());
        assertEquals(line + 1, err.line(), err.describe());
    }

    @Test
    void aRefusedNameInALibraryFileIsRefusedThere() throws Exception {
        Path home = PackCopy.copy("luoshan", dir);
        Path lib = home.resolve(STALE);
        Files.writeString(lib, Files.readString(lib).replace("insert( Problem.of(", "System.exit( 1 ); insert( Problem.of("),
                StandardCharsets.UTF_8);
        PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("luoshan"));
        List<String> lines = Files.readAllLines(lib);
        PackError err = e.errors().get(0);
        assertEquals(STALE, err.file(), e.errors().toString());
        assertTrue(lines.get(err.line() - 1).contains("System.exit"), err.describe());
    }

    @Test
    void anUnknownIncludeIsRefusedAtThePacksLine() throws Exception {
        Path home = PackCopy.copy("luoshan", dir);
        Path drl = home.resolve(LUOSHAN_DRL);
        List<String> lines = Files.readAllLines(drl);
        int at = lines.indexOf("// include: stale");
        lines.add(at + 1, "// 引用: vetoo");
        lines.add(at + 2, "// include: ../rules-drl/x");
        Files.write(drl, lines, StandardCharsets.UTF_8);
        PackRejected e = assertThrows(PackRejected.class, () -> new PackHome(home).load("luoshan"));
        assertEquals(2, e.errors().size(), e.errors().toString());
        PackError unknown = e.errors().get(0);
        assertEquals(LUOSHAN_DRL, unknown.file());
        assertEquals(at + 2, unknown.line());
        assertTrue(unknown.message().contains("rules-lib/vetoo.drl") && unknown.message().contains("规则库"),
                unknown.message());
        PackError badName = e.errors().get(1);
        assertEquals(at + 3, badName.line());
        assertTrue(badName.message().contains("not a library name"), badName.message());
    }

    @Test
    void aLibraryFileThePackNoLongerIncludesLeavesItsFiles() throws Exception {
        Path home = PackCopy.copy("luoshan", dir);
        Path drl = home.resolve(LUOSHAN_DRL);
        Files.writeString(drl, Files.readString(drl).replace("// include: stale", "// (no include)"), StandardCharsets.UTF_8);
        assertFalse(new PackHome(home).read("luoshan").files().containsKey(STALE));
    }
}
