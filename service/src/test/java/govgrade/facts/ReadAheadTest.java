package govgrade.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * A batch file read on a thread of its own ({@link BatchReader#readAhead}: bytes checked there,
 * parsed here, posts from the bytes) reads, and is refused, exactly as one read by characters on
 * the caller's thread.
 */
class ReadAheadTest {
    @Test
    void everyFixtureBindsToTheSameBatch() throws Exception {
        for (Path expected : Fixtures.expectedFiles()) {
            byte[] bytes = Files.readAllBytes(PackTests.batchOf(expected));
            assertEquals(BatchReader.read(new ByteArrayInputStream(bytes), null),
                    BatchReader.readAhead(new ByteArrayInputStream(bytes), ReadAheadTest::neverAgain, null,
                            BatchLimits.DEFAULTS), expected.toString());
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
                BatchReader.readAhead(new ByteArrayInputStream(marked), ReadAheadTest::neverAgain, null,
                        BatchLimits.DEFAULTS));

        // An overlong '/' (C0 AF) far into the file, past the first chunks, and one at the very start.
        for (int at : new int[] {batch.length / 2, 0}) {
            byte[] broken = batch.clone();
            broken[at] = (byte) 0xC0;
            broken[at + 1] = (byte) 0xAF;
            assertEquals(refusal(() -> BatchReader.read(new ByteArrayInputStream(broken), null)),
                    refusal(() -> BatchReader.readAhead(new ByteArrayInputStream(broken),
                            () -> new ByteArrayInputStream(broken), null, BatchLimits.DEFAULTS)));
        }
    }

    @Test
    void aBatchRefusedEarlyLeavesTheRestOfTheStreamToTheCallerInOrder() throws Exception {
        // Bad JSON at the start, then a megabyte: the reading thread has read ahead, and stops before the caller reads on.
        byte[] text = ("{\"pack\": ]" + " ".repeat(1 << 20) + "END").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        InputStream in = new Teeing(new ByteArrayInputStream(text), seen);
        assertThrows(BatchRejected.class, () -> BatchReader.readAhead(in, () -> new ByteArrayInputStream(text), null,
                BatchLimits.DEFAULTS));
        in.transferTo(java.io.OutputStream.nullOutputStream());
        assertArrayEquals(text, seen.toByteArray());
    }

    /**
     * Thousands of accounts, so posts arrays and Chinese names fall across every boundary of the
     * reading thread's chunks and the parser's buffer, and one account whose posts are longer than
     * that buffer (read token by token).
     */
    @Test
    void aLargeBatchBindsAlikeAcrossChunksAndBuffers() throws Exception {
        byte[] big = large(3_000, 4_000);
        assertTrue(big.length > 20 * BytesParser.BUFFER, "the batch spans many buffers: " + big.length);
        assertEquals(BatchReader.read(new ByteArrayInputStream(big), null),
                BatchReader.readAhead(new ByteArrayInputStream(big), ReadAheadTest::neverAgain, null,
                        BatchLimits.DEFAULTS));
    }

    /** The byte parser gives up on bad JSON far into the file; the refusal is the one reading by characters words. */
    @Test
    void malformedJsonFarInIsRefusedInTheWordsOfReadingByCharacters() throws Exception {
        String text = new String(large(2_000, 0), StandardCharsets.UTF_8);
        int at = text.indexOf("\"original\"", text.length() * 2 / 3);
        for (String broken : List.of(text.substring(0, at) + "]" + text.substring(at),
                text.substring(0, at) + "," + text.substring(at))) {
            byte[] b = broken.getBytes(StandardCharsets.UTF_8);
            List<Violation> byChars = refusal(() -> BatchReader.read(new ByteArrayInputStream(b), null));
            assertTrue(byChars.get(0).message().contains("line "), byChars.toString());
            assertEquals(byChars, refusal(() -> BatchReader.readAhead(new ByteArrayInputStream(b),
                    () -> new ByteArrayInputStream(b), null, BatchLimits.DEFAULTS)));
        }
    }

    /** A well-formed file is read once, as bytes: a second reading by characters would hide a fault of the first. */
    private static InputStream neverAgain() {
        throw new AssertionError("a well-formed file was read again");
    }

    /** A batch in the shape of CONTRACT.md, on one line as writers send it, with Chinese names. */
    private static byte[] large(int accounts, int longPosts) {
        StringBuilder s = new StringBuilder("{\"pack\":\"shangqiu\",\"period\":{\"from\":\"2020-10-01\","
                + "\"to\":\"2020-12-31\",\"checkDate\":\"2020-12-31\"},\"accounts\":[");
        java.util.Random r = new java.util.Random(7);
        for (int a = 0; a < accounts; a++) {
            s.append(a == 0 ? "" : ",").append("{\"id\":\"a").append(a).append("\",\"name\":\"梁园市场监管")
                    .append("第".repeat(r.nextInt(7))).append(a)
                    .append("\",\"platform\":\"微信公众号\",\"region\":\"梁园区\",\"posts\":[");
            int posts = a == accounts / 2 ? longPosts : r.nextInt(40);
            for (int p = 0; p < posts; p++) {
                s.append(p == 0 ? "" : ",").append("{\"date\":\"2020-").append(10 + r.nextInt(3)).append('-')
                        .append(String.format("%02d", 1 + r.nextInt(30))).append('"');
                switch (r.nextInt(3)) {
                    case 0 -> s.append(",\"original\":").append(r.nextBoolean());
                    case 1 -> s.append(",\"original\":").append(r.nextBoolean()).append(",\"recommended\":")
                            .append(r.nextBoolean());
                    default -> { }
                }
                s.append('}');
            }
            s.append("]}");
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
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
