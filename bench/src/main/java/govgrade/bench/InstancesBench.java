package govgrade.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grading throughput over HTTP with one and with two instances of {@code java -jar govgrade.jar
 * serve} over one PostgreSQL, side by side: the same clients, batches and time, each phase on a
 * database of its own. Every instance, the database and the clients share this machine's cores,
 * so beside each figure goes the CPU each of them took: that, not the instances, is the limit.
 */
final class InstancesBench {
    private final Path home;
    private final Path work;
    private final Report report;

    InstancesBench(Path home, Path work, Report report) {
        this.home = home;
        this.work = work;
        this.report = report;
    }

    /** {@code pg}: a JDBC URL of a PostgreSQL user who may create databases. */
    void run(List<byte[]> batches, int clients, int seconds, String pg) throws Exception {
        report.section(String.format(Locale.ROOT, "HTTP over PostgreSQL, 1 and 2 instances (java -jar, each on its "
                + "own loopback port): %d clients spread over the instances in turn, %d s per phase after %d s "
                + "warm-up per instance, every request a county batch not seen before", clients, seconds, warmup(seconds)));
        HttpLoadBench.Load one = phase(1, batches, clients, seconds, pg);
        HttpLoadBench.Load two = phase(2, batches, clients, seconds, pg);
        report.add("instances: 2 / 1 instance, grading throughput", Report.ratio(two.perSecond() / one.perSecond()),
                Runtime.getRuntime().availableProcessors() + " cores shared by the instances, PostgreSQL and the clients");
    }

    private HttpLoadBench.Load phase(int instances, List<byte[]> batches, int clients, int seconds, String pg)
            throws Exception {
        String db = "govgrade_bench_" + ProcessHandle.current().pid() + "_" + instances;
        try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        List<ServeChild> started = new ArrayList<>();
        try {
            String url = pg.replaceFirst("/[^/?]*(\\?|$)", "/" + db + "$1");
            int[] ports = new int[instances];
            for (int i = 0; i < instances; i++) {
                // The first makes the tables and stores the packs; the next starts over them.
                started.add(ServeChild.start(null, List.of("-Xmx1g"), home, url, work.resolve("instance-" + i + ".log"),
                        // For PublishBench's draft and publish; in the environment, as deploy.md keeps tokens.
                        Map.of("GOVGRADE_ADMIN_TOKEN", PublishBench.TOKEN)));
                ports[i] = started.get(i).port();
            }
            AtomicInteger next = new AtomicInteger();
            // Each JVM warms up for as long as the single one does: its JIT and caches are its own.
            HttpLoadBench.Request grade = HttpLoadBench.grading(batches, next);
            HttpLoadBench.load(ports, clients, warmup(seconds) * instances, grade);
            long[] cpu0 = cpu(started);
            HttpLoadBench.Load l = HttpLoadBench.load(ports, clients, seconds, grade);
            long[] cpu1 = cpu(started);
            String label = "instances: " + instances + (instances == 1 ? " instance" : " instances");
            report.add(label + ", grading throughput", Report.rate(l.perSecond(), "requests"),
                    l.latencies().length + " requests, " + l.errors() + " errors");
            report.add(label + ", p50 / p99 latency", String.format(Locale.ROOT, "%.1f / %.1f ms",
                    l.percentileMillis(50), l.percentileMillis(99)), "");
            double wall = l.nanos() / 1e9;
            report.add(label + ", cores busy", String.format(Locale.ROOT, "%.2f of %d",
                    (cpu1[0] - cpu0[0] + cpu1[1] - cpu0[1] + l.cpuNanos()) / 1e9 / wall,
                    Runtime.getRuntime().availableProcessors()), String.format(Locale.ROOT,
                    "instances %.2f, PostgreSQL %.2f, clients %.2f", (cpu1[0] - cpu0[0]) / 1e9 / wall,
                    (cpu1[1] - cpu0[1]) / 1e9 / wall, l.cpuNanos() / 1e9 / wall));
            if (instances == 2) {
                new PublishBench().run(home, ports[0], ports[1], report);
            }
            return l;
        } finally {
            for (ServeChild p : started) {
                p.close();
            }
            try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            } catch (SQLException e) {
                report.add("instances: database left behind", db, e.getMessage());
            }
        }
    }

    /** CPU time so far of the instances and of every postgres process on this machine, in nanoseconds. */
    private static long[] cpu(List<ServeChild> instances) {
        long mine = 0;
        for (ServeChild p : instances) {
            mine += p.cpuNanos();
        }
        long pg = ProcessHandle.allProcesses().filter(h -> h.info().command().map(c -> c.endsWith("/postgres"))
                .orElse(false)).mapToLong(h -> h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
        return new long[] {mine, pg};
    }

    private static int warmup(int seconds) {
        return Math.max(1, Math.min(5, seconds / 5));
    }
}
