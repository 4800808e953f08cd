package govgrade.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash taken on its own thread is the file's SHA-256, and only when the batch read the same bytes. */
class FileHashTest {
    private static final byte[] TEXT = "{\"pack\":\"shangqiu\",\"name\":\"梁园市场监管\"}\n".repeat(40_000)
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void theBytesReadAreTheBytesHashed(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("batch.json"), TEXT);
        FileHash hash = FileHash.start(file);
        try (InputStream in = hash.reading(Files.newInputStream(file))) {
            // As the parser reads: a byte, a skip, then blocks.
            in.read();
            in.skip(10);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(TEXT), hash.digest(TEXT.length).digest());
    }

    @Test
    void otherBytesReadThanHashedAreRefused(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("batch.json"), TEXT);
        byte[] sameLength = TEXT.clone();
        sameLength[TEXT.length / 2] ^= 1;
        byte[] cut = java.util.Arrays.copyOf(TEXT, TEXT.length - 1);
        for (byte[] read : new byte[][] {sameLength, cut}) {
            FileHash hash = FileHash.start(file);
            try (InputStream in = hash.reading(new ByteArrayInputStream(read))) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            IOException e = assertThrows(IOException.class, () -> hash.digest(read.length));
            assertTrue(e.getMessage().contains("changed while it was graded"), e.getMessage());
        }
    }
}
