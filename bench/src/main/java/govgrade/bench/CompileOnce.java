package govgrade.bench;

import govgrade.packs.catalog.PackHome;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by the benchmark: compiles one pack once and prints how long the compile
 * took and how long since the JVM started, as {@code compileMillis=N sinceStartMillis=M}.
 */
public final class CompileOnce {
    private CompileOnce() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        long t0 = System.nanoTime();
        new PackHome(home).load(args[1]);
        long compile = (System.nanoTime() - t0) / 1_000_000;
        long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("compileMillis=" + compile + " sinceStartMillis=" + since);
    }
}
