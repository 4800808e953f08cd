package govgrade.store;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Stored JSON in zstd frames (zstd-jni, the native library). Level 1: a county batch packs in a
 * third of gzip level 3's CPU (0.30 against 0.92 ms) into slightly fewer bytes (16.6 against
 * 17.0 KB); levels 3 and -1 cost the same here, -1 keeps a seventh more (docs/benchmarks.md, "HTTP,
 * round 3: storage").
 */
final class Zstandard {
    static final int LEVEL = 1;
    /** A zstd frame's first four bytes (RFC 8878). */
    private static final byte[] MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};

    private Zstandard() {
    }

    static boolean isFrame(byte[] packed) {
        return packed.length >= MAGIC.length && packed[0] == MAGIC[0] && packed[1] == MAGIC[1]
                && packed[2] == MAGIC[2] && packed[3] == MAGIC[3];
    }

    /**
     * One frame that records its content size, so reading it back allocates the array once. Packed
     * first into a quarter of the input's size, not the worst case (a little over the input, which
     * {@link Zstd#compress(byte[], int)} allocates and then copies from): JSON shrinks tenfold, and
     * what does not fit there is packed again with room for any.
     */
    static byte[] pack(byte[] raw) {
        byte[] out = new byte[raw.length / 4 + 64];
        try {
            long n = Zstd.compressByteArray(out, 0, out.length, raw, 0, raw.length, LEVEL);
            if (!Zstd.isError(n)) {
                return Arrays.copyOf(out, (int) n);
            }
        } catch (ZstdException e) {
            // The destination is too small: bytes that do not shrink fourfold (rare in JSON).
        }
        return Zstd.compress(raw, LEVEL);
    }

    /**
     * The bytes packed, into one array of the size the frame header records; frames one after the
     * other, or a frame without its size, read as a stream to the end. A stream cut short is an
     * error, never short data.
     */
    static byte[] unpack(byte[] packed) {
        long size = Zstd.getFrameContentSize(packed);
        // zstd shrinks at most about 32,000 to 1 per block: a larger claim is not this frame's size.
        if (size >= 0 && size <= Math.min(Integer.MAX_VALUE - 8, 32_768L * packed.length)) {
            try {
                byte[] out = Zstd.decompress(packed, (int) size);
                if (out.length == size) {
                    return out;
                }
            } catch (ZstdException e) {
                // Several frames (the header names the first one's size only) or a damaged one: the stream below tells which.
            }
        }
        try (ZstdInputStreamNoFinalizer z = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(packed))) {
            return z.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
