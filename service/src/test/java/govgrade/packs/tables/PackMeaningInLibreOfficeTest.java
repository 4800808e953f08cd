package govgrade.packs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.OfficeSuite;
import govgrade.packs.PackSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundled workbook re-saved by LibreOffice, as staff who open and save it unchanged do: new
 * bytes every time, the same cells, so the same version. Skipped where LibreOffice is not
 * installed (CI installs it).
 */
@Tag("office")
class PackMeaningInLibreOfficeTest {

    @TempDir
    Path dir;

    @Test
    void twoLibreOfficeResavesOfMeiCountysWorkbookAreTheSameVersionAsTheOriginal() throws Exception {
        Path office = OfficeSuite.require();
        Path original = Path.of("decision-tables/meixian/meixian.xlsx");
        byte[] first = resave(office, original, dir.resolve("one"));
        // LibreOffice stamps the save time to the second: two saves within one second are the same bytes (seen in CI).
        Thread.sleep(1100);
        byte[] second = resave(office, original, dir.resolve("two"));
        byte[] bytes = Files.readAllBytes(original);
        assertFalse(Arrays.equals(bytes, first), "LibreOffice wrote the file byte for byte; the test proves nothing");
        assertFalse(Arrays.equals(first, second), "two re-saves gave the same bytes; the test proves nothing");

        String version = source(bytes).version();
        assertEquals(version, source(first).version(), "a re-save is the same version");
        assertEquals(version, source(second).version());
        assertEquals(source(bytes).codeVersion(), source(first).codeVersion());
        assertTrue(PackMeaning.of(files(first)).firstCodeChange(PackMeaning.of(files(bytes))).isEmpty());
        assertTrue(version.matches("[0-9a-f]{16}"), version);
    }

    private static PackSource source(byte[] xlsx) throws Exception {
        return PackMeaning.source("meixian", files(xlsx));
    }

    private static SortedMap<String, byte[]> files(byte[] xlsx) throws Exception {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("rules-drl/meixian/meixian.drl", Files.readAllBytes(Path.of("rules-drl/meixian/meixian.drl")));
        files.put("decision-tables/meixian/meixian.xlsx", xlsx);
        return files;
    }

    private static byte[] resave(Path office, Path xlsx, Path out) throws Exception {
        Files.createDirectories(out);
        return Files.readAllBytes(OfficeSuite.convert(office, Files.copy(xlsx, out.resolve("in.xlsx")), "xlsx", out));
    }
}
