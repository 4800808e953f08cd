package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradeJvmTest {
    @Test
    void keepsTheArchiveInTheCacheDirWhenSetElseInTheUsersCacheFolder() {
        assertEquals(Path.of("/srv/cache/jvm"), GradeJvm.folder(Map.of("GOVGRADE_CACHE_DIR", "/srv/cache",
                "XDG_CACHE_HOME", "/home/u/.xdg")));
        assertEquals(Path.of("/home/u/.xdg/govgrade/jvm"), GradeJvm.folder(Map.of("XDG_CACHE_HOME", "/home/u/.xdg")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "govgrade", "jvm"),
                GradeJvm.folder(Map.of("GOVGRADE_CACHE_DIR", " ")));
    }

    @Test
    void leavesASettingTheOperatorChoseToTheOperator() {
        assertTrue(Relaunch.sameSetting("-XX:+UseG1GC", "-XX:+UseParallelGC"));
        assertTrue(Relaunch.sameSetting("-Xmx2g", "-Xmx900m"));
        assertTrue(Relaunch.sameSetting("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=1"));
        assertTrue(Relaunch.sameSetting("-XX:-UseCompressedOops", "-XX:+UseCompressedOops"));
        assertFalse(Relaunch.sameSetting("-Xms1g", "-Xmx900m"));
        assertFalse(Relaunch.sameSetting("-XX:+UseCompactObjectHeaders", "-XX:+UseParallelGC"));
        assertFalse(Relaunch.sameSetting("-Dfoo=bar", "-XX:+UseParallelGC"));
    }
}
