package govgrade.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * New rows are zstd, rows stored before in gzip read back byte for byte, and where zstd cannot
 * load the store writes gzip and says why it cannot read zstd.
 */
class PackingTest {
    private static final byte[] JSON = "{\"accounts\":[{\"id\":\"a1\",\"posts\":[]}]}".repeat(400)
            .getBytes(StandardCharsets.UTF_8);
    private static final Packing ZSTD = Packing.writing(StoreCodec.ZSTD);
    private static final Packing WITHOUT_ZSTD = Packing.loading(() -> {
        throw new UnsatisfiedLinkError("no libzstd-jni here (a test)");
    });

    @Property(tries = 300)
    void anyBytesComeBackAsTheyWerePacked(@ForAll("stored") byte[] raw) {
        assertArrayEquals(raw, Packing.unpack(ZSTD.packed(raw)));
        assertArrayEquals(raw, WITHOUT_ZSTD.unpacked(WITHOUT_ZSTD.packed(raw)));
    }

    @Property(tries = 300)
    void aRowPackedTheOldWayReadsBack(@ForAll("stored") byte[] raw) {
        assertArrayEquals(raw, Packing.unpack(Gzip.pack(raw)));
    }

    /** Text-like JSON (compressible, of every size up to 300 KB) and plain random bytes. */
    @Provide
    Arbitrary<byte[]> stored() {
        Arbitrary<byte[]> text = Arbitraries.integers().between(0, 300_000).flatMap(n -> Arbitraries.strings()
                .withChars("{}[]\":,abc123 合格").ofLength(n).map(s -> s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(5000);
        return Arbitraries.oneOf(text, random);
    }

    @Test
    void thisJvmLoadsZstdAndNewRowsAreZstdFrames() {
        // CI (Debian, x86_64) and this machine must have it: a store silently falling back would be slower, not wrong.
        byte[] packed = ZSTD.packed(JSON);
        assertEquals("28b52ffd", HexFormat.of().formatHex(packed, 0, 4));
        assertTrue(packed.length < JSON.length / 10, packed.length + " bytes for " + JSON.length);
        assertEquals(JSON.length, Zstd.getFrameContentSize(packed), "the frame records its size");
    }

    @Test
    void gzipChosenWritesGzipThoughZstdLoadsAndEachReadsTheOther() {
        Packing gzip = Packing.writing(StoreCodec.GZIP);
        byte[] packed = gzip.packed(JSON);
        assertTrue(Gzip.isMember(packed), "gzip as releases before zstd read it");
        assertArrayEquals(JSON, Gzip.unpack(packed));
        assertArrayEquals(JSON, ZSTD.unpacked(packed));
        assertArrayEquals(JSON, gzip.unpacked(ZSTD.packed(JSON)));
    }

    @Test
    void bytesThatDoNotShrinkArePackedToo() {
        byte[] noise = new byte[100_000];
        new Random(15).nextBytes(noise);
        byte[] packed = ZSTD.packed(noise);
        assertTrue(packed.length > noise.length / 4, "packed past the first, quarter-size attempt");
        assertArrayEquals(noise, Packing.unpack(packed));
    }

    @Test
    void framesOneAfterTheOtherReadAsTheirConcatenation() {
        byte[] a = Zstandard.pack(JSON);
        byte[] b = Zstandard.pack("{\"second\": 2}".getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertEquals(JSON.length + 13, Packing.unpack(both).length);
    }

    @Test
    void aTruncatedFrameIsAnErrorNotShortData() {
        byte[] packed = ZSTD.packed(JSON);
        assertThrows(UncheckedIOException.class, () -> Packing.unpack(Arrays.copyOf(packed, packed.length / 2)));
        assertThrows(UncheckedIOException.class, () -> Packing.unpack(Arrays.copyOf(packed, packed.length - 1)));
    }

    @Test
    void bytesOfNeitherFormatAreRefusedByTheirFirstBytes() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Packing.unpack("{\"raw\": true}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("they begin 7b 22 72 61"), e.getMessage());
        assertThrows(UncheckedIOException.class, () -> Packing.unpack(new byte[0]));
    }

    @Nested
    class WhereZstdCannotLoad {
        @Test
        void newRowsAreGzipThatAnyVersionReads() {
            byte[] packed = WITHOUT_ZSTD.packed(JSON);
            assertTrue(Gzip.isMember(packed));
            assertArrayEquals(JSON, Gzip.unpack(packed), "the code before zstd reads it");
            assertArrayEquals(JSON, Packing.unpack(packed));
        }

        @Test
        void aZstdRowIsAnErrorThatSaysWhy() {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> WITHOUT_ZSTD.unpacked(ZSTD.packed(JSON)));
            assertTrue(e.getMessage().contains("stored in zstd, which cannot load in this JVM "
                    + "(UnsatisfiedLinkError: no libzstd-jni here (a test))"), e.getMessage());
        }

        @Test
        void oldRowsStillRead() {
            assertArrayEquals(JSON, WITHOUT_ZSTD.unpacked(Gzip.pack(JSON)));
            assertFalse(Gzip.isMember(ZSTD.packed(JSON)));
        }
    }
}
