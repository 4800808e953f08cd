package govgrade.facts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether bytes are well-formed UTF-8 as the strict decoder reads them (Unicode Table 3-7: no
 * overlong form, no surrogate, nothing past U+10FFFF) and hold no NUL, the bytes by which Jackson
 * would guess UTF-16 or UTF-32. Such bytes may go to Jackson's byte parser, which decodes the same
 * characters without a second copy of the text; any other bytes take the strict decoder, which
 * names where they go wrong. The JDK has no public check and the decoder is what this spares.
 */
final class Utf8 {
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;

    private Utf8() {
    }

    static boolean plain(byte[] b) {
        return wellFormed(b, 0, b.length, false) == b.length;
    }

    /**
     * Where the well-formed text from {@code from} stops before {@code to}: {@code to} when every
     * byte is part of a whole sequence, else the first byte that starts no whole one (a bad
     * sequence, or one that {@code to} cuts short: {@link #cut} tells which). A NUL stops it unless
     * {@code nul}: JSON read from a stream has no bootstrapper to mislead, and the parser refuses it.
     */
    static int wellFormed(byte[] b, int from, int to, boolean nul) {
        long stop = nul ? 0 : LOW;
        int i = from;
        while (i < to) {
            // A batch is mostly ASCII: eight bytes at a time while none is NUL and none has its high bit set.
            while (i + 8 <= to) {
                long w = (long) WORD.get(b, i);
                if (((w | ((w - stop) & ~w)) & HIGH) != 0) {
                    break;
                }
                i += 8;
            }
            if (i == to) {
                return to;
            }
            int c = b[i];
            if (c > 0 || (c == 0 && nul)) {
                i++;
                continue;
            }
            int len = length(b, i, to);
            if (len <= 0 || i + len > to) {
                return i;
            }
            i += len;
        }
        return to;
    }

    /** Whether the bytes from {@code i} to {@code to} begin a well-formed sequence that {@code to} cuts short. */
    static boolean cut(byte[] b, int i, int to) {
        if (i >= to || b[i] >= 0) {
            return false;
        }
        int len = length(b, i, to);
        return len > 0 && i + len > to;
    }

    /**
     * The length of the sequence whose lead byte (high bit set) is at {@code i}, checking the bytes
     * of it before {@code to}; 0 where they are not UTF-8.
     */
    private static int length(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        if (c < 0xC2 || c > 0xF4) {
            return 0; // a continuation byte first, an overlong two-byte lead, or past U+10FFFF
        }
        int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + 1 < to) {
            int c1 = b[i + 1] & 0xFF;
            // The second byte's range depends on the lead (E0: no overlong, ED: no surrogate, F0, F4).
            int lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
            int hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
            if (c1 < lo || c1 > hi) {
                return 0;
            }
        }
        for (int k = 2; k < len && i + k < to; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return len;
    }
}
