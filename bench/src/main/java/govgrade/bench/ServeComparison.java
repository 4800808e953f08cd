package govgrade.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP grading load against one or more builds' jars, each run as a child {@code serve} (a new
 * SQLite file each time), so a before and an after print side by side from one run: the same
 * batches, clients, JVM options, warm-up and seconds for each, and with several rounds the jars
 * take turns (A B A B), so a neighbour's build slowing the machine falls on both.
 */
final class ServeComparison {
    /** The service flags docs/deploy.md recommends (see there for why; serve itself adds the collector). */
    static final String DEFAULT_JVM = "-Xms1g -Xmx1g";
    private final Path home;
    private final Path work;
    private final Report report;

    ServeComparison(Path home, Path work, Report report) {
        this.home = home;
        this.work = work;
        this.report = report;
    }

    /** What one jar gave over every round: the load's latencies and the service's own CPU. */
    private record Totals(List<long[]> latencies, long nanos, int errors, long serviceCpu, long clientCpu) {
        Totals add(Measured m) {
            HttpLoadBench.Load l = m.load();
            long service = m.serviceCpu();
            List<long[]> all = new ArrayList<>(latencies);
            all.add(l.latencies());
            return new Totals(all, nanos + l.nanos(), errors + l.errors(), serviceCpu + service,
                    clientCpu + l.cpuNanos());
        }

        HttpLoadBench.Load load() {
            return new HttpLoadBench.Load(latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray(),
                    nanos, errors, clientCpu);
        }
    }

    void run(List<byte[]> batches, int clients, int seconds, int rounds, List<Path> jars, List<String> jvm)
            throws Exception {
        int warmup = warmup(seconds);
        report.section(String.format(Locale.ROOT, "HTTP grading, java %s -jar JAR serve (SQLite, new file each "
                        + "time): %d clients on keep-alive, %d s measured after %d s warm-up, %d round(s), jars in "
                        + "turn; every request a county batch not seen before", String.join(" ", jvm), clients,
                seconds, warmup, rounds));
        Map<Path, Totals> totals = new LinkedHashMap<>();
        for (Path jar : jars) {
            totals.put(jar, new Totals(List.of(), 0, 0, 0, 0));
        }
        for (int round = 0; round < rounds; round++) {
            for (Path jar : jars) {
                totals.put(jar, totals.get(jar).add(once(jar, jvm, batches, clients, seconds, warmup, round)));
            }
        }
        List<String> labels = new ArrayList<>();
        for (Map.Entry<Path, Totals> e : totals.entrySet()) {
            labels.add(label(e.getKey()));
            print(label(e.getKey()), e.getValue());
        }
        if (jars.size() == 2) {
            HttpLoadBench.Load a = totals.get(jars.get(0)).load();
            HttpLoadBench.Load b = totals.get(jars.get(1)).load();
            report.add("serve: " + labels.get(1) + " / " + labels.get(0) + ", throughput",
                    Report.ratio(b.perSecond() / a.perSecond()), "ratios hold better than absolutes on a busy machine");
            report.add("serve: " + labels.get(1) + " / " + labels.get(0) + ", p99",
                    Report.ratio(b.percentileMillis(99) / a.percentileMillis(99)), "");
        }
    }

    /** One measured load and the CPU the child took during it. */
    private record Measured(HttpLoadBench.Load load, long serviceCpu) {
    }

    private Measured once(Path jar, List<String> jvm, List<byte[]> batches, int clients, int seconds,
                                    int warmup, int round) throws Exception {
        Path db = work.resolve("serve-bench-" + round + ".db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        try (ServeChild child = ServeChild.start(jar, jvm, home, db.toString(), work.resolve("serve-bench.log"))) {
            AtomicInteger next = new AtomicInteger();
            int[] port = {child.port()};
            HttpLoadBench.Request grade = HttpLoadBench.grading(batches, next);
            HttpLoadBench.load(port, clients, warmup, grade);
            long cpu0 = child.cpuNanos();
            HttpLoadBench.Load l = HttpLoadBench.load(port, clients, seconds, grade);
            return new Measured(l, child.cpuNanos() - cpu0);
        }
    }

    private void print(String label, Totals t) {
        HttpLoadBench.Load l = t.load();
        int n = Math.max(1, l.latencies().length);
        double p50 = l.percentileMillis(50);
        double p99 = l.percentileMillis(99);
        report.add("serve " + label + ": grade, county batch, throughput", Report.rate(l.perSecond(), "requests"),
                l.latencies().length + " requests, " + l.errors() + " errors; " + HttpLoadBench.TARGET);
        report.add("serve " + label + ": p50 / p99 latency", String.format(Locale.ROOT, "%.1f / %.1f ms", p50, p99),
                String.format(Locale.ROOT, "max %.1f ms", l.percentileMillis(100)));
        report.add("serve " + label + ": p99 / p50", Report.ratio(p99 / p50), "target <= 3");
        report.add("serve " + label + ": CPU per request, service", Report.millis(t.serviceCpu() / 1e6 / n),
                "the child's CPU time (service, GC, JIT) / requests");
        report.add("serve " + label + ": CPU per request, clients", Report.millis(t.clientCpu() / 1e6 / n),
                "the bench process's CPU time / requests");
    }

    private static String label(Path jar) {
        return jar.toString();
    }

    /** A fresh JVM compiles its hot code in its first seconds: longer than the in-process warm-up. */
    static int warmup(int seconds) {
        return Math.max(5, Math.min(15, seconds / 2));
    }
}
