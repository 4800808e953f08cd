package govgrade.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reading thread hands on exactly the file's bytes, however its reads cut the characters. */
class BytesAheadTest {
    private static final byte[] TEXT = ("{\"name\":\"梁园市场监管 😀 é\"}".repeat(2_500)).getBytes(StandardCharsets.UTF_8);

    @Test
    void everyCharacterCutByAReadArrivesWhole() throws Exception {
        for (int step : new int[] {1, 3, 7, 1 << 16}) {
            assertArrayEquals(TEXT, readAll(new BytesAhead(new Trickle(TEXT, step)).started()), "reads of " + step);
        }
    }

    @Test
    void aByteOrderMarkIsLeftOut() throws Exception {
        byte[] marked = new byte[TEXT.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(TEXT, 0, marked, 3, TEXT.length);
        assertArrayEquals(TEXT, readAll(new BytesAhead(new Trickle(marked, 1)).started()));
    }

    /** What comes before a bad sequence is handed on; the bad sequence itself, and a character cut by the end, never. */
    @Test
    void bytesThatAreNotUtf8EndTheStreamWhereTheyStart() throws Exception {
        // Each place an ASCII byte, so the bad sequence starts there: the start, a chunk's length in, the middle, the end.
        for (int at : new int[] {0, 5, asciiFrom(1 << 16), asciiFrom(TEXT.length / 2), TEXT.length - 1}) {
            byte[] broken = TEXT.clone();
            broken[at] = (byte) 0xC0; // the lead of an overlong form
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            assertThrows(MalformedInputException.class, () -> copy(new BytesAhead(new Trickle(broken, 7)).started(), seen));
            assertArrayEquals(Arrays.copyOf(TEXT, at), seen.toByteArray(), "bad at " + at);
        }
        // The text ends in é"} (C3 A9 22 7D): cut after the C3.
        byte[] cutInto = Arrays.copyOf(TEXT, TEXT.length - 3);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        assertThrows(MalformedInputException.class, () -> copy(new BytesAhead(new Trickle(cutInto, 64)).started(), seen));
        assertArrayEquals(Arrays.copyOf(TEXT, TEXT.length - 4), seen.toByteArray());
    }

    private static int asciiFrom(int i) {
        while (TEXT[i] < 0) {
            i++;
        }
        return i;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(in, out);
        return out.toByteArray();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) throws IOException {
        try (in) {
            byte[] b = new byte[1000];
            for (int n = in.read(b, 0, b.length); n >= 0; n = in.read(b, 0, b.length)) {
                out.write(b, 0, n);
            }
        }
    }

    /** A stream that gives at most {@code step} bytes a read, as a pipe or a slow disk may. */
    private static final class Trickle extends ByteArrayInputStream {
        private final int step;

        Trickle(byte[] b, int step) {
            super(b);
            this.step = step;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, step));
        }
    }
}
