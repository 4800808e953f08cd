package govgrade.store;

import com.github.luben.zstd.util.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the store keeps JSON it was given or gave (batches, results, what-if answers): zstd level 1
 * ({@link Zstandard}), packing a county batch and its result in 0.38 ms of CPU where gzip level 3
 * took 1.06 ms (docs/benchmarks.md, "HTTP, round 3: storage"). Rows stored before in gzip read
 * back as they were: a row is told apart by its first bytes (gzip 1f 8b, zstd 28 b5 2f fd), so
 * neither a migration nor a column says which, on SQLite and PostgreSQL alike.
 *
 * <p>Where zstd's native library cannot load (a platform zstd-jni does not ship, a temporary folder
 * mounted noexec: set {@code -DZstdTempFolder}), new rows are gzip, said once in the log, and
 * grading goes on; zstd rows stored elsewhere cannot be read there, and the error says why.
 * {@link StoreCodec#GZIP} writes gzip on purpose, for instances of older releases sharing the store.
 */
final class Packing {
    private static final Logger LOG = LoggerFactory.getLogger(Packing.class);
    /** This JVM's: zstd when its native library loads, else gzip. */
    private static final Packing HERE = loading(Packing::loadZstd);
    private static final Packing HERE_GZIP = new Packing(HERE.zstdAbsent, true);

    /** Why zstd cannot be used; null when it can. */
    private final String zstdAbsent;
    /** New rows in gzip though zstd loads: chosen, not fallen back to. */
    private final boolean gzip;

    private Packing(String zstdAbsent, boolean gzip) {
        this.zstdAbsent = zstdAbsent;
        this.gzip = gzip;
    }

    /** This JVM's packing for new rows in {@code codec}; every one of them reads both. */
    static Packing writing(StoreCodec codec) {
        return codec == StoreCodec.GZIP ? HERE_GZIP : HERE;
    }

    static byte[] unpack(byte[] packed) {
        return HERE.unpacked(packed);
    }

    /** Zstd if {@code load} (of its native library) runs; else gzip, with a warning that says why. */
    static Packing loading(Runnable load) {
        try {
            load.run();
            return new Packing(null, false);
        } catch (LinkageError | RuntimeException e) {
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("zstd's native library does not load ({}): runs and what-ifs are stored gzip-compressed (level {}), "
                    + "at about three times the CPU; -DZstdTempFolder names a folder to unpack it to", why, Gzip.LEVEL);
            return new Packing(why, true);
        }
    }

    byte[] packed(byte[] raw) {
        return gzip ? Gzip.pack(raw) : Zstandard.pack(raw);
    }

    byte[] unpacked(byte[] packed) {
        if (Gzip.isMember(packed)) {
            return Gzip.unpack(packed);
        }
        if (Zstandard.isFrame(packed)) {
            if (zstdAbsent != null) {
                throw new UncheckedIOException(new IOException("stored in zstd, which cannot load in this JVM ("
                        + zstdAbsent + "); set -DZstdTempFolder to a folder that allows executables, or read "
                        + "this store where zstd-jni has a native library"));
            }
            return Zstandard.unpack(packed);
        }
        throw new UncheckedIOException(new IOException("stored bytes are neither gzip (1f 8b) nor zstd (28 b5 2f fd): "
                + "they begin " + HexFormat.ofDelimiter(" ").formatHex(packed, 0, Math.min(4, packed.length))));
    }

    private static void loadZstd() {
        Native.load();
        // The library found must also work: one frame out and back.
        byte[] probe = {'{', '}'};
        if (!Arrays.equals(probe, Zstandard.unpack(Zstandard.pack(probe)))) {
            throw new IllegalStateException("zstd does not give back the bytes it packed");
        }
    }
}
