package govgrade;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * LibreOffice for the tests tagged office: what a county's staff re-save or print a workbook
 * with. Found on PATH (skipped where it is not installed), run headless with a profile of the
 * test's own, so a user's running LibreOffice and its lock stay out of the way.
 */
public final class OfficeSuite {
    /** A first start unpacks a profile, which on a loaded 2-core machine takes a minute or more. */
    private static final long TIMEOUT_SECONDS = 180;

    private OfficeSuite() {
    }

    /** LibreOffice's program; the test is skipped (not failed) where it is not installed. */
    public static Path require() {
        Optional<Path> office = onPath("soffice").or(() -> onPath("libreoffice"));
        assumeTrue(office.isPresent(), "LibreOffice (soffice or libreoffice) is not on PATH; install "
                + "libreoffice-calc-nogui to run this test");
        return office.get();
    }

    /**
     * Converts {@code in} to {@code format} (xlsx, pdf) in {@code work}; returns the file written,
     * or fails with what LibreOffice said.
     */
    public static Path convert(Path office, Path in, String format, Path work) throws Exception {
        Path out = Files.createDirectories(work.resolve("converted"));
        Path profile = Files.createDirectories(work.resolve("home"));
        Path log = work.resolve("office.log");
        ProcessBuilder convert = new ProcessBuilder(office.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", format, "--outdir", out.toString(),
                in.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(work.toFile());
        convert.environment().put("HOME", profile.toString());
        Process p = convert.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("LibreOffice did not finish within " + TIMEOUT_SECONDS + " s: " + said(log));
        }
        String name = in.getFileName().toString();
        Path written = out.resolve(name.substring(0, name.lastIndexOf('.') + 1) + format);
        assertTrue(Files.isRegularFile(written), "LibreOffice wrote no " + written.getFileName() + "; it said: "
                + said(log));
        return written;
    }

    private static String said(Path log) throws Exception {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(nothing)";
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }
}
