package govgrade.cli;

import java.util.List;

/** The JVM {@code serve} starts again in (see {@link Relaunch#serve}): its flags beside the class archive. */
final class ServeJvm {
    private ServeJvm() {
    }

    /**
     * The parallel collector, left out where the operator's command line names a collector (see
     * {@link Relaunch#sameSetting}). Measured under the HTTP load on the idle 2-core machine
     * (docs/benchmarks.md, "Issue 15, round 3"; 8 clients, county batches, the same jar, one window):
     * Parallel 353 gradings/s, p50 / p99 20.1 / 53.8 ms, 4.89 ms of CPU per grading; Serial 347/s,
     * 20.8 / 53.5 ms; G1 (the JVM's default) 239/s, 31.4 / 71.6 ms, 7.64 ms; Shenandoah 224/s,
     * 33.7 / 75.9 ms, 8.30 ms. A grading allocates about 1.5 MB that dies young and the live set is
     * small, so young collections are short; the concurrent collectors spend on barriers and background
     * marking the CPU the gradings need, on cores the gradings already fill.
     */
    static List<String> flags() {
        return List.of("-XX:+UseParallelGC");
    }
}
