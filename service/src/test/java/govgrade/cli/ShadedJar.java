package govgrade.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/**
 * target/govgrade.jar, the shaded jar operators run, for the tests that start it as they do.
 * {@code mvn verify} builds it before the slow tier; a jar older than the compiled classes would
 * test yesterday's code, so that fails with the command that rebuilds it.
 */
final class ShadedJar {
    private ShadedJar() {
    }

    static Path fresh() throws IOException, URISyntaxException {
        Path jar = Path.of("target", "govgrade.jar").toAbsolutePath();
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no " + jar + ": build it first (mvn -B -o -q package -DskipTests)");
        }
        FileTime built = Files.getLastModifiedTime(jar);
        if (Files.isDirectory(classes)) {
            try (Stream<Path> all = Files.walk(classes)) {
                Path newer = all.filter(p -> p.toString().endsWith(".class"))
                        .filter(p -> lastModified(p).compareTo(built) > 0).findAny().orElse(null);
                if (newer != null) {
                    throw new AssertionError(jar + " is older than " + newer + ": rebuild it (mvn -B -o -q package "
                            + "-DskipTests)");
                }
            }
        }
        return jar;
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE);
        }
    }
}
