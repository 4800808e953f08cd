package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void neverLimitsTheHeapAndStartsItAt1GbOnJdk17WhereTheLargestIs2GbOrMore() {
        // A limit by file size ran a batch of many accounts and few posts out of memory (GradeJvm's javadoc).
        List<String> base = List.of("-XX:+DisplayVMOutputToStderr", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1");
        List<String> withFirstHeap = new ArrayList<>(base);
        withFirstHeap.add("-Xms1g");
        assertEquals(withFirstHeap, GradeJvm.flags(17, 6L << 30));
        assertEquals(withFirstHeap, GradeJvm.flags(17, 2L << 30));
        assertEquals(base, GradeJvm.flags(17, (2L << 30) - 1), "a first heap of 1 GB near the largest leaves none");
        assertEquals(base, GradeJvm.flags(25, 6L << 30), "measured no faster on JDK 25");
        assertTrue(GradeJvm.flags(17, 64L << 30).stream().noneMatch(f -> f.startsWith("-Xmx")));
    }

    @Test
    void leavesASettingTheOperatorChoseToTheOperator() {
        assertTrue(Relaunch.sameSetting("-XX:+UseG1GC", "-XX:+UseParallelGC"));
        assertTrue(Relaunch.sameSetting("-Xmx2g", "-Xmx900m"));
        assertTrue(Relaunch.sameSetting("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=1"));
        assertTrue(Relaunch.sameSetting("-XX:-UseCompressedOops", "-XX:+UseCompressedOops"));
        assertTrue(Relaunch.sameSetting("-XX:MaxRAMPercentage=50", "-Xmx900m"));
        assertFalse(Relaunch.sameSetting("-Xms1g", "-Xmx900m"));
        assertTrue(Relaunch.sameSetting("-Xmx512m", "-Xms1g"), "our first heap would be above their largest");
        assertTrue(Relaunch.sameSetting("-Xms256m", "-Xms1g"));
        assertTrue(Relaunch.sameSetting("-XX:MaxRAMPercentage=10", "-Xms1g"));
        assertTrue(Relaunch.sameSetting("-XX:InitialHeapSize=300m", "-Xms1g"));
        assertFalse(Relaunch.sameSetting("-Xss2m", "-Xms1g"));
        assertFalse(Relaunch.sameSetting("-XX:+UseCompactObjectHeaders", "-XX:+UseParallelGC"));
        assertFalse(Relaunch.sameSetting("-Dfoo=bar", "-XX:+UseParallelGC"));
    }

    @Test
    void aRecordingLeftByAKilledLauncherIsDeletedAndALiveOnesKept(@TempDir Path jvm) throws Exception {
        Path archive = jvm.resolve("grade-17-0123456789abcdef.jsa");
        long dead = deadPid();
        Path left = Files.createFile(jvm.resolve(archive.getFileName() + "." + dead + ".part"));
        Path leftConfig = Files.createFile(jvm.resolve(archive.getFileName() + "." + dead + ".part.config"));
        long own = ProcessHandle.current().pid();
        Path live = Files.createFile(jvm.resolve(archive.getFileName() + "." + own + ".part"));
        Path serves = Files.createFile(jvm.resolve("govgrade-0123456789abcdef.jsa"));

        Relaunch.removeOthers(jvm, "grade-17-", archive);

        assertFalse(Files.exists(left));
        assertFalse(Files.exists(leftConfig));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(serves), "serve's archives are not grade's to delete");
    }

    /** A pid no process has: one that ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
