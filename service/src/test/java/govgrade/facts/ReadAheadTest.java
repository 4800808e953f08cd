package govgrade.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import govgrade.Fixtures;
import govgrade.published.PackTests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch decoded on a thread of its own reads, and is refused, exactly as one read on the caller's. */
class ReadAheadTest {
    @Test
    void everyFixtureBindsToTheSameBatch() throws Exception {
        for (Path expected : Fixtures.expectedFiles()) {
            byte[] bytes = Files.readAllBytes(PackTests.batchOf(expected));
            assertEquals(BatchReader.read(new ByteArrayInputStream(bytes), null),
                    BatchReader.readAhead(new ByteArrayInputStream(bytes), null, BatchLimits.DEFAULTS), expected.toString());
        }
    }

    @Test
    void aByteOrderMarkIsSkippedAndBytesThatAreNotUtf8AreRefusedAsBefore() throws Exception {
        byte[] batch = Files.readAllBytes(Fixtures.batch("shangqiu"));
        byte[] marked = new byte[batch.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(batch, 0, marked, 3, batch.length);
        assertEquals(BatchReader.read(new ByteArrayInputStream(batch), null),
                BatchReader.readAhead(new ByteArrayInputStream(marked), null, BatchLimits.DEFAULTS));

        // An overlong '/' (C0 AF) far into the file, past the first chunks, and one at the very start.
        for (int at : new int[] {batch.length / 2, 0}) {
            byte[] broken = batch.clone();
            broken[at] = (byte) 0xC0;
            broken[at + 1] = (byte) 0xAF;
            assertEquals(refusal(() -> BatchReader.read(new ByteArrayInputStream(broken), null)),
                    refusal(() -> BatchReader.readAhead(new ByteArrayInputStream(broken), null, BatchLimits.DEFAULTS)));
        }
    }

    @Test
    void aBatchRefusedEarlyLeavesTheRestOfTheStreamToTheCallerInOrder() throws Exception {
        // Bad JSON at the start, then a megabyte: the decoder has read ahead, and must stop before the caller reads on.
        byte[] text = ("{\"pack\": ]" + " ".repeat(1 << 20) + "END").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        InputStream in = new Teeing(new ByteArrayInputStream(text), seen);
        assertThrows(BatchRejected.class, () -> BatchReader.readAhead(in, null, BatchLimits.DEFAULTS));
        in.transferTo(java.io.OutputStream.nullOutputStream());
        assertArrayEquals(text, seen.toByteArray());
    }

    private static List<Violation> refusal(org.junit.jupiter.api.function.ThrowingSupplier<Batch> read) {
        return assertThrows(BatchRejected.class, read::get).violations();
    }

    /** Copies what is read to {@code seen}, as a hash would see it. */
    private static final class Teeing extends java.io.FilterInputStream {
        private final ByteArrayOutputStream seen;

        Teeing(InputStream in, ByteArrayOutputStream seen) {
            super(in);
            this.seen = seen;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                seen.write(b, off, n);
            }
            return n;
        }

        @Override
        public void close() {
            // The caller reads on after the reader is done.
        }
    }
}
