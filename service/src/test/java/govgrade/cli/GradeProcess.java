package govgrade.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar govgrade.jar grade} as an operator runs it: the shaded jar, its caches in a test's folder. */
final class GradeProcess {
    /** What one run printed and returned. */
    record Run(int exit, byte[] out, byte[] errBytes) {
        String err() {
            return new String(errBytes, StandardCharsets.UTF_8);
        }
    }

    private GradeProcess() {
    }

    /** On this JVM's java, GOVGRADE_CACHE_DIR {@code dir}, the caches' switches at their defaults. */
    static Run grade(Path dir, String... args) throws Exception {
        return grade(ProcessHandle.current().info().command().orElse("java"), dir, args);
    }

    static Run grade(String java, Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-jar",
                ShadedJar.fresh().toString(), "grade", "--home", Path.of(".").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".json");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("GOVGRADE_CACHE_DIR", dir.toString());
        pb.environment().remove("GOVGRADE_JVM_CACHE");
        pb.environment().remove("GOVGRADE_PACK_CACHE");
        int exit = pb.start().waitFor();
        try {
            return new Run(exit, Files.readAllBytes(out), Files.readAllBytes(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
