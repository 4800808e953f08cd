package govgrade.bench;

import com.github.luben.zstd.Zstd;
import govgrade.facts.Batch;
import govgrade.grading.GradedRun;
import govgrade.packs.CompiledPack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The store's packing of one graded county batch, split: SHA-256 of the batch, then each codec
 * the store could keep the batch and the result in, packing and reading back, with the bytes it
 * keeps. Process CPU per operation (GC and JIT included), the stages interleaved in blocks so
 * load from other work hits all alike; medians over blocks, with the spread.
 *
 * <pre>java -cp target/govgrade-bench.jar govgrade.bench.PackingFloor [HOME] [BLOCKS]</pre>
 */
public final class PackingFloor {
    private static final int PER_BLOCK = 500;

    private PackingFloor() {
    }

    private record Codec(String name, UnaryOperator<byte[]> pack, UnaryOperator<byte[]> unpack) {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".");
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        CpuBlocks.County county = CpuBlocks.County.of(home);
        byte[] body = county.body();
        Batch batch = county.batch();
        CompiledPack pack = county.pack();
        GradedRun run = county.run();
        byte[] json = county.json();

        List<Codec> codecs = List.of(
                new Codec("gzip 3 (round 2)", raw -> gzip(raw, 3), PackingFloor::gunzip),
                new Codec("gzip 1", raw -> gzip(raw, 1), PackingFloor::gunzip),
                new Codec("zstd 1", raw -> Zstd.compress(raw, 1), PackingFloor::unzstd),
                new Codec("zstd 3", raw -> Zstd.compress(raw, 3), PackingFloor::unzstd),
                new Codec("zstd -1 (fast)", raw -> Zstd.compress(raw, -1), PackingFloor::unzstd));
        List<CpuBlocks.Stage> stages = new ArrayList<>();
        stages.add(new CpuBlocks.Stage("SHA-256 of the batch", () -> sha256(body)));
        stages.add(new CpuBlocks.Stage("as round 2: SHA-256, gzip 3 of both", () -> {
            sha256(body);
            gzip(body, 3);
            gzip(json, 3);
        }));
        List<String> sizes = new ArrayList<>();
        for (Codec c : codecs) {
            byte[] pb = c.pack().apply(body);
            byte[] pr = c.pack().apply(json);
            if (!Arrays.equals(body, c.unpack().apply(pb)) || !Arrays.equals(json, c.unpack().apply(pr))) {
                throw new IllegalStateException(c.name() + " does not round-trip");
            }
            sizes.add(String.format("  %-16s batch %,9d -> %,8d (%4.1fx)   result %,9d -> %,8d (%4.1fx)", c.name(),
                    body.length, pb.length, (double) body.length / pb.length, json.length, pr.length,
                    (double) json.length / pr.length));
            stages.add(new CpuBlocks.Stage(c.name() + ": pack batch", () -> c.pack().apply(body)));
            stages.add(new CpuBlocks.Stage(c.name() + ": pack result", () -> c.pack().apply(json)));
            stages.add(new CpuBlocks.Stage(c.name() + ": read back both", () -> {
                c.unpack().apply(pb);
                c.unpack().apply(pr);
            }));
        }
        // Option "compress later": what storing raw costs the writer, against storing packed, in a
        // WAL database as the service opens it (NORMAL sync), checkpointing as SQLite does by default.
        Path dbFile = java.nio.file.Files.createTempFile("packing-floor", ".db");
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.NORMAL);
        java.sql.Connection db = config.createConnection("jdbc:sqlite:" + dbFile);
        try (java.sql.Statement st = db.createStatement()) {
            st.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, batch BLOB, result BLOB)");
        }
        byte[] zb = Zstd.compress(body, 1);
        byte[] zr = Zstd.compress(json, 1);
        long[] written = new long[2];
        stages.add(new CpuBlocks.Stage("SQLite insert, raw batch + result", () -> insert(db, body, json, written, 0)));
        stages.add(new CpuBlocks.Stage("SQLite insert, zstd 1 batch + result", () -> insert(db, zb, zr, written, 1)));
        double[][] perOp = CpuBlocks.perOp(stages, blocks, PER_BLOCK);
        System.out.printf("Store packing of a county batch (%,d bytes, %d accounts) and its result (%,d bytes), process "
                + "CPU (GC, JIT included), median of %d blocks of %d, [min-max]%n", body.length, batch.accounts().size(),
                json.length, blocks, PER_BLOCK);
        CpuBlocks.print(stages, perOp, 40, "%6.3f");
        System.out.printf("SQLite WAL, bytes per insert (page images, before checkpoint): raw %,d, zstd 1 %,d%n",
                written[0], written[1]);
        db.close();
        java.nio.file.Files.deleteIfExists(dbFile);
        System.out.println("Bytes stored:");
        sizes.forEach(System.out::println);
        System.exit(0);
    }

    /** Inserts a row in its own transaction; records the WAL growth of one insert in {@code written[slot]}. */
    private static void insert(java.sql.Connection db, byte[] batch, byte[] result, long[] written, int slot) {
        try (java.sql.PreparedStatement s = db.prepareStatement("INSERT INTO runs (batch, result) VALUES (?, ?)")) {
            s.setBytes(1, batch);
            s.setBytes(2, result);
            s.executeUpdate();
            if (written[slot] == 0) {
                try (java.sql.Statement st = db.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                s.executeUpdate();
                written[slot] = java.nio.file.Files.size(Path.of(db.getMetaData().getURL().substring(12) + "-wal"));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] raw, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 6 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(level);
            }
        }) {
            z.write(raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] packed) {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(packed), 1 << 16)) {
            return z.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unzstd(byte[] packed) {
        return Zstd.decompress(packed, (int) Zstd.getFrameContentSize(packed));
    }

}
