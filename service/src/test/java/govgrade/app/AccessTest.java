package govgrade.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.catalog.ReloadMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles' tokens and the reload mode, as settings: validated once, secrets never printed. */
class AccessTest {

    @Test
    void byDefaultThereAreNoEditorsGradingIsOpenAndDiskEditsGoLive() {
        Access a = Access.defaults();
        assertNull(a.editorToken());
        assertNull(a.graderToken());
        assertEquals(ReloadMode.DIRECT, a.reload());
    }

    @Test
    void blankTokensAreNoTokensAndTokensAreNeverPrinted(@TempDir Path home) {
        assertNull(new Access("  ", "", ReloadMode.REVIEW).editorToken());
        Settings s = Settings.defaults(home, home.resolve("g.db"))
                .withAccess(new Access("editor-secret", "grader-secret", ReloadMode.REVIEW));
        assertTrue(s.packChanges(), "an editor token alone lets packs change over HTTP");
        assertFalse(s.toString().contains("secret"), s.toString());
        assertTrue(s.toString().contains("reload=review"), s.toString());
    }

    @Test
    void aReloadModeIsDirectOrReview() {
        assertEquals(ReloadMode.REVIEW, ReloadMode.of(" Review "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReloadMode.of("sideways"));
        assertTrue(e.getMessage().contains("direct or review"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Access(null, null, null));
    }
}
