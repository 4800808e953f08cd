package govgrade.packs.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.facts.PackId;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders are packs: one id rule for folders and batches, and a pack's two folders named alike. */
class PackIdsOnDiskTest {

    private static Path folders(Path home, String drl, String tables) throws Exception {
        if (drl != null) {
            Files.writeString(Files.createDirectories(home.resolve("rules-drl").resolve(drl)).resolve("a.drl"), "");
        }
        if (tables != null) {
            Files.createDirectories(home.resolve("decision-tables").resolve(tables));
        }
        return home;
    }

    @Test
    void aFolderNamedOtherThanAPackIdIsNoPackAndLoadingItNamesTheFolderAndTheRule(@TempDir Path dir) throws Exception {
        PackHome home = new PackHome(folders(dir, "Wuding2", "Wuding2"));
        folders(dir, "xining-chengzhong", "xining-chengzhong");
        assertEquals(List.of("xining-chengzhong"), home.ids());
        List<String> where = home.misnamed().stream().map(PackError::file).toList();
        assertEquals(List.of("rules-drl/Wuding2", "decision-tables/Wuding2"), where);
        PackRejected e = assertThrows(PackRejected.class, () -> home.load("Wuding2"));
        String text = e.errors().get(0).describe();
        assertTrue(text.contains("rules-drl/Wuding2") && text.contains(PackId.RULE) && text.contains("wuding2"), text);
        assertThrows(UnknownPack.class, () -> home.load("wuding2"));
    }

    @Test
    void aPacksTwoFoldersSpelledDifferentlyAreRefusedAtTheOddOne(@TempDir Path dir) throws Exception {
        PackHome home = new PackHome(folders(dir, "Wuding", "wuding"));
        assertEquals(List.of(), home.ids());
        assertTrue(home.misnamed("wuding").stream().anyMatch(e -> e.file().equals("rules-drl/Wuding")
                && e.message().contains("rename rules-drl/Wuding to rules-drl/wuding")), home.misnamed("wuding").toString());
        assertThrows(PackRejected.class, () -> home.load("wuding"));
    }

    @Test
    void theRuleIsTheBatchesRuleSoAFolderThatValidatesCanBeGraded() {
        for (String ok : List.of("wuding", "xining-chengzhong", "a1", "shang_qiu", "2024wuding", "a".repeat(40))) {
            assertTrue(PackId.isValid(ok), ok);
        }
        for (String bad : List.of("Wuding2", "-wuding", "wu ding", "武定", "wuding/..", "", "a".repeat(41))) {
            assertFalse(PackId.isValid(bad), bad);
            if (bad.isEmpty()) {
                continue; // an empty pack is "nothing", said as such
            }
            String json = "{\"pack\": \"" + bad + "\", \"period\": {\"from\": \"2024-07-01\", \"to\": \"2024-07-31\"},"
                    + " \"units\": [], \"accounts\": []}";
            BatchRejected e = assertThrows(BatchRejected.class, () -> BatchReader.read(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null));
            assertTrue(e.getMessage().contains(PackId.RULE), e.getMessage());
        }
    }
}
