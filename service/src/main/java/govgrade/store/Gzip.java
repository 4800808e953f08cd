package govgrade.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Stored JSON in gzip: every row stored before round 3 of issue 15, and new rows where zstd cannot
 * load ({@link Packing}). Level 3, not the default 6: a county batch packs in a quarter of the time
 * (1.2 ms instead of 4.8 ms, measured), about a fifth larger, and packing ran on every graded request.
 */
final class Gzip {
    static final int LEVEL = 3;

    private Gzip() {
    }

    /** A gzip member's first two bytes (RFC 1952). */
    static boolean isMember(byte[] packed) {
        return packed.length >= 2 && packed[0] == 0x1F && packed[1] == (byte) 0x8B;
    }

    static byte[] pack(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 6 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(LEVEL);
            }
        }) {
            z.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The bytes packed. Read into one array of the size the gzip trailer records (ISIZE), not one
     * grown by doubling: reading runs back for what-ifs allocated a tenth of all the service's
     * memory in those copies. A trailer that does not match (several members, over 4 GB) falls back
     * to reading to the end.
     */
    static byte[] unpack(byte[] packed) {
        long size = packed.length < 18 ? -1 : (packed[packed.length - 4] & 0xFFL)
                | (packed[packed.length - 3] & 0xFFL) << 8 | (packed[packed.length - 2] & 0xFFL) << 16
                | (packed[packed.length - 1] & 0xFFL) << 24;
        // Deflate shrinks at most about 1032 to 1: a larger claim is not this stream's size.
        if (size >= 0 && size <= Math.min(Integer.MAX_VALUE - 8, 1032L * packed.length)) {
            try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(packed), 1 << 16)) {
                byte[] out = new byte[(int) size];
                if (z.readNBytes(out, 0, out.length) == out.length && z.read() < 0) {
                    return out;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(packed), 1 << 16)) {
            return z.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
