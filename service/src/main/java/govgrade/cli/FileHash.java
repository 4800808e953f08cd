package govgrade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * The SHA-256 of a batch file, for its run id. A regular file is hashed by a thread of its own that
 * reads the file a second time (from the page cache) while the batch is read and graded: a big
 * {@code grade} runs in a second JVM with C1 alone ({@link GradeJvm}), where SHA-256 has no
 * intrinsic, and on the national batch's 205 MB it took 1.4 s (0.15 s with C2's) on the thread
 * that feeds the parser, which then waited. Both readings take a CRC-32C of the bytes (an intrinsic
 * in C1 too: 0.03 s), so a file changed between them is refused rather than graded under an id
 * that names other bytes. (grade reads its file more than once anyway: its first bytes tell a
 * workbook, and the pack is looked for in its first 64 KB.)
 */
final class FileHash {
    private record Taken(MessageDigest sha256, long crc, long length) {
    }

    private final Path file;
    private final FutureTask<Taken> second;
    private final CRC32C crc = new CRC32C();

    private FileHash(Path file, FutureTask<Taken> second) {
        this.file = file;
        this.second = second;
    }

    /** Starts hashing {@code file} on a thread of its own. */
    static FileHash start(Path file) {
        FutureTask<Taken> task = new FutureTask<>(() -> take(file));
        Thread t = new Thread(task, "batch-hash");
        t.setDaemon(true);
        t.start();
        return new FileHash(file, task);
    }

    /** {@code in}, the file's one reading for its batch, seen by the CRC as it is read (skips read through). */
    InputStream reading(InputStream in) {
        return new CheckedInputStream(in, crc);
    }

    /**
     * The digest of the file's bytes, nothing else added yet, once {@link #reading} has read all
     * {@code length} of them: an IOException where the second reading found other bytes.
     */
    MessageDigest digest(long length) throws IOException {
        Taken taken;
        try {
            taken = second.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + file + " was hashed", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        if (taken.crc() != crc.getValue() || taken.length() != length) {
            throw new IOException(file + " changed while it was graded (" + length + " bytes read for the batch, "
                    + taken.length() + " for its hash): grade it again once it is written");
        }
        return taken.sha256();
    }

    private static Taken take(Path file) throws IOException {
        MessageDigest sha = sha256();
        CRC32C crc = new CRC32C();
        long length = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
                crc.update(buf, 0, n);
                length += n;
            }
        }
        return new Taken(sha, crc.getValue(), length);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
