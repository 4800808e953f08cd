package govgrade.runs;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for runs and what-ifs, as {@link UUID#randomUUID()} makes them, from
 * one strong generator per thread: the JDK's shared one is a lock that concurrent requests queue
 * on. Ids stay unguessable, since anyone holding one can read the run.
 */
public final class RunIds {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RunIds::generator);

    private RunIds() {
    }

    /** A DRBG of the thread's own; the default NativePRNG shares one lock across instances. */
    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    public static String next() {
        byte[] b = new byte[16];
        RANDOM.get().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }
}
