package govgrade.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.github.luben.zstd.Zstd;
import govgrade.derive.DerivedBatch;
import govgrade.derive.Deriver;
import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * What one graded county batch costs, stage by stage, beside the floor of each stage: the CPU a
 * request over HTTP cannot do without, against the 5 ms that 400 requests/s on two cores allow.
 * Process CPU (GC and JIT included) per operation, the stages interleaved in blocks so load from
 * other work hits all alike; medians over blocks, with the spread.
 *
 * <pre>java -cp target/govgrade-bench.jar govgrade.bench.RequestFloor [HOME] [BLOCKS]</pre>
 */
public final class RequestFloor {
    private static final JsonFactory TOKENS = new JsonFactory();
    private static final int PER_BLOCK = 100;
    /** As the store packed a run until round 3 (store/Gzip): level 3. */
    private static final int GZIP_LEVEL = 3;

    private RequestFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".");
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        CpuBlocks.County county = CpuBlocks.County.of(home);
        byte[] body = county.body();
        Batch batch = county.batch();
        CompiledPack pack = county.pack();
        DerivedBatch derived = Deriver.derive(batch);
        GradedRun run = county.run();
        byte[] json = county.json();

        List<CpuBlocks.Stage> stages = List.of(
                new CpuBlocks.Stage("read: Jackson tokens only (floor)", () -> tokens(body)),
                new CpuBlocks.Stage("read: BatchReader from a stream (chars)", () -> BatchReader.read(new ByteArrayInputStream(body),
                        null, BatchLimits.DEFAULTS)),
                new CpuBlocks.Stage("read: BatchReader from bytes (as served)", () -> BatchReader.read(body, null,
                        BatchLimits.DEFAULTS)),
                new CpuBlocks.Stage("derive", () -> Deriver.derive(batch)),
                new CpuBlocks.Stage("fire: bare stateless Drools (floor)", () -> {
                    EndToEndBench.fireBare(pack, Deriver.derive(batch));
                }),
                new CpuBlocks.Stage("grade: derive, fire, rank, summarise", () -> Grading.grade(batch, pack, "floor")),
                new CpuBlocks.Stage("result JSON", () -> ResultJson.write(run)),
                new CpuBlocks.Stage("store packing, round 2: SHA-256 + gzip 3", () -> pack(body, json)),
                new CpuBlocks.Stage("store packing: SHA-256 + zstd 1 (store/Packing)", () -> packZstd(body, json)));
        double[][] perOp = CpuBlocks.perOp(stages, blocks, PER_BLOCK);
        System.out.printf("County batch (%,d bytes, %d accounts) per request, process CPU (GC, JIT included), "
                + "median of %d blocks of %d, [min-max]; budget for 400/s on 2 cores: 5 ms%n", body.length,
                batch.accounts().size(), blocks, PER_BLOCK);
        CpuBlocks.print(stages, perOp, 52, "%6.2f");
        System.exit(0);
    }

    private static long tokens(byte[] body) throws IOException {
        long n = 0;
        try (JsonParser p = TOKENS.createParser(body)) {
            while (p.nextToken() != null) {
                n++;
            }
        }
        return n;
    }

    private static int pack(byte[] batch, byte[] result) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(batch);
        return hash.length + gzip(batch) + gzip(result);
    }

    /** As the store packs a run since round 3 (store/Zstandard): level 1. */
    private static int packZstd(byte[] batch, byte[] result) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(batch);
        return hash.length + Zstd.compress(batch, 1).length + Zstd.compress(result, 1).length;
    }

    private static int gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 6 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(GZIP_LEVEL);
            }
        }) {
            z.write(raw);
        }
        return out.size();
    }
}
