package govgrade.bench;

import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import govgrade.packs.catalog.PackHome;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Process CPU per operation of several stages (GC and JIT included), timed in blocks in which
 * every stage takes its turn, so load from other work falls on all alike; three blocks of warm-up
 * first. What the floors ({@link RequestFloor}, {@link PackingFloor}) print: medians over blocks,
 * with the spread.
 */
final class CpuBlocks {
    private static final int WARM_UP = 3;

    private CpuBlocks() {
    }

    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    record Stage(String name, Op op) {
    }

    /** One generated county batch as the floors time it: its bytes, read, its pack, graded, its result JSON. */
    record County(byte[] body, Batch batch, CompiledPack pack, GradedRun run, byte[] json) {
        static County of(Path home) throws Exception {
            ByteArrayOutputStream generated = new ByteArrayOutputStream();
            BatchGenerator.write(new BatchGenerator.Spec(BatchGenerator.Size.COUNTY.accounts(), 1), generated);
            byte[] body = generated.toByteArray();
            Batch batch = BatchReader.read(body, null, BatchLimits.DEFAULTS);
            CompiledPack pack = new PackHome(home).load(batch.pack());
            GradedRun run = Grading.grade(batch, pack, "floor");
            return new County(body, batch, pack, run, ResultJson.write(run));
        }
    }

    /** Per stage, the CPU per operation of each measured block, in milliseconds. */
    static double[][] perOp(List<Stage> stages, int blocks, int perBlock) throws Exception {
        double[][] perOp = new double[stages.size()][blocks];
        for (int b = -WARM_UP; b < blocks; b++) {
            for (int s = 0; s < stages.size(); s++) {
                long c0 = cpu();
                for (int i = 0; i < perBlock; i++) {
                    stages.get(s).op().run();
                }
                if (b >= 0) {
                    perOp[s][b] = (cpu() - c0) / 1e6 / perBlock;
                }
            }
        }
        return perOp;
    }

    /** One line per stage: its name, the median and [min-max] as {@code figure} formats each. */
    static void print(List<Stage> stages, double[][] perOp, int nameWidth, String figure) {
        for (int s = 0; s < stages.size(); s++) {
            double[] x = perOp[s].clone();
            Arrays.sort(x);
            String spread = figure.replaceFirst("%\\d+", "%"); // the same precision, no padding
            System.out.printf("  %-" + nameWidth + "s " + figure + " ms  [" + spread + "-" + spread + "]%n",
                    stages.get(s).name(), x[x.length / 2], x[0], x[x.length - 1]);
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
