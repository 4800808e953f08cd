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
        int i = 0;
        int n = b.length;
        while (i < n) {
            // A batch is mostly ASCII: eight bytes at a time while none is NUL and none has its high bit set.
            while (i + 8 <= n) {
                long w = (long) WORD.get(b, i);
                if (((w | ((w - LOW) & ~w)) & HIGH) != 0) {
                    break;
                }
                i += 8;
            }
            if (i == n) {
                return true;
            }
            int c = b[i];
            if (c > 0) {
                i++;
                continue;
            }
            if (c == 0) {
                return false;
            }
            c &= 0xFF;
            if (c < 0xC2 || c > 0xF4) {
                return false; // a continuation byte first, an overlong two-byte lead, or past U+10FFFF
            }
            int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            if (i + len > n) {
                return false;
            }
            int c1 = b[i + 1] & 0xFF;
            // The second byte's range depends on the lead (E0: no overlong, ED: no surrogate, F0, F4).
            int lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
            int hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
            if (c1 < lo || c1 > hi) {
                return false;
            }
            for (int k = 2; k < len; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += len;
        }
        return true;
    }
}
