package govgrade.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks time the product as users start it: java -jar govgrade.jar, not the bench's class path. */
class ChildTest {

    @AfterEach
    void forgetTheJar() {
        System.clearProperty("govgrade.jar");
    }

    @Test
    void launchesTheServiceJarWithItsArguments(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("govgrade.jar"));
        System.setProperty("govgrade.jar", jar.toString());
        List<String> cmd = Child.command(List.of("-Xmx1g"), "grade", "batch.json");
        assertEquals(List.of("-Xmx1g", "-jar", jar.toString(), "grade", "batch.json"), cmd.subList(1, cmd.size()));
    }

    @Test
    void saysHowToBuildTheJarWhenThereIsNone(@TempDir Path dir) {
        System.setProperty("govgrade.jar", dir.resolve("missing.jar").toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Child.command(List.of(), "grade"));
        assertTrue(e.getMessage().contains("mvn -B package"), e.getMessage());
    }
}
