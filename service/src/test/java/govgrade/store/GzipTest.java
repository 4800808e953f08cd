package govgrade.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stored JSON packs and unpacks to the same bytes, whatever its size, and a stream the trailer misdescribes still reads whole. */
class GzipTest {
    @Test
    void everySizeComesBackByteForByte() {
        Random random = new Random(15);
        for (int size : new int[] {0, 1, 17, 4096, 65_536, 300_001}) {
            byte[] raw = new byte[size];
            for (int i = 0; i < size; i++) {
                raw[i] = (byte) ('a' + random.nextInt(random.nextBoolean() ? 3 : 26)); // text-like, compressible
            }
            assertArrayEquals(raw, Gzip.unpack(Gzip.pack(raw)), size + " bytes");
        }
    }

    @Test
    void twoMembersOneAfterTheOtherReadAsTheirConcatenation() {
        // The trailer then gives the second member's size only: reading stops short and falls back to the end.
        byte[] a = "{\"first\": true}".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"second\": 2}".getBytes(StandardCharsets.UTF_8);
        byte[] pa = Gzip.pack(a);
        byte[] pb = Gzip.pack(b);
        byte[] both = Arrays.copyOf(pa, pa.length + pb.length);
        System.arraycopy(pb, 0, both, pa.length, pb.length);
        byte[] expected = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, expected, a.length, b.length);
        assertArrayEquals(expected, Gzip.unpack(both));
    }

    @Test
    void aTruncatedStreamIsAnErrorNotShortData() {
        byte[] packed = Gzip.pack("{\"run\": 1}".repeat(1000).getBytes(StandardCharsets.UTF_8));
        assertThrows(UncheckedIOException.class, () -> Gzip.unpack(Arrays.copyOf(packed, packed.length / 2)));
    }
}
