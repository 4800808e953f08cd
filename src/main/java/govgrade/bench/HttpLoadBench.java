package govgrade.bench;

import govgrade.cli.Service;
import govgrade.http.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as production runs it (the real start-up, SQLite file, every run stored) on
 * 127.0.0.1, loaded by concurrent clients for a bounded time and count: county batches posted
 * to grade, then what-ifs on a stored run. Stops by itself; the database is a temporary file.
 */
final class HttpLoadBench {
    private static final Pattern RUN_ID = Pattern.compile("\"run\"\\s*:\\s*\"([^\"]+)\"");
    /** Upper bound on requests per phase, whatever the time allows. */
    private static final int MAX_REQUESTS = 200_000;

    private final Path home;
    private final Path work;
    private final Report report;

    HttpLoadBench(Path home, Path work, Report report) {
        this.home = home;
        this.work = work;
        this.report = report;
    }

    /** Latencies of one phase, in nanoseconds, and its wall time. */
    record Load(long[] latencies, long nanos, int errors) {
        double perSecond() {
            return latencies.length / (nanos / 1e9);
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            long[] s = latencies.clone();
            Arrays.sort(s);
            int rank = (int) Math.ceil(p / 100.0 * s.length);
            return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1e6;
        }
    }

    /** {@code batches}: distinct county batches the clients take turns posting. */
    void run(List<byte[]> batches, int clients, int seconds) throws Exception {
        Path db = work.resolve("http-bench.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        report.section(String.format(Locale.ROOT, "HTTP on 127.0.0.1: %d clients, %d s per phase (after %d s warm-up), "
                + "%d distinct county batches, runs stored in SQLite", clients, seconds, warmup(seconds), batches.size()));
        try (Service service = Service.start(home, db, new ApiServer.Settings("127.0.0.1", 0, 32L << 20, null))) {
            String base = "http://127.0.0.1:" + service.port() + "/api/v1";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            AtomicInteger next = new AtomicInteger();
            IntFunction<HttpRequest> grade = i -> post(base + "/grade", batches.get(i % batches.size()));
            load(http, clients, warmup(seconds), grade, next);
            Load g = load(http, clients, seconds, grade, next);
            report("grade, county batch", g, "target p99 <= 20 ms, >= 300 requests/s");

            HttpResponse<String> first = http.send(post(base + "/grade", batches.get(0)),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = RUN_ID.matcher(first.body());
            if (first.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("grade answered " + first.statusCode() + ": " + first.body());
            }
            byte[] whatIf = "{\"pack\": \"shangqiu\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            IntFunction<HttpRequest> regrade = i -> post(base + "/runs/" + m.group(1) + "/whatif", whatIf);
            load(http, clients, warmup(seconds), regrade, next);
            Load w = load(http, clients, seconds, regrade, next);
            report("what-if on a stored county run", w, "");
        }
        report.add("database after the load", Memory.mb(Files.size(db)), db.toString());
    }

    private static int warmup(int seconds) {
        return Math.max(1, Math.min(5, seconds / 5));
    }

    private void report(String what, Load l, String note) {
        report.add("http: " + what + ", throughput", Report.rate(l.perSecond(), "requests"),
                l.latencies().length + " requests, " + l.errors() + " errors; " + note);
        report.add("http: " + what + ", p50 / p99 latency", String.format(Locale.ROOT, "%.1f / %.1f ms",
                l.percentileMillis(50), l.percentileMillis(99)), String.format(Locale.ROOT, "max %.1f ms",
                l.percentileMillis(100)));
    }

    private static HttpRequest post(String url, byte[] body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** {@code clients} threads, each sending one request after another until time or count runs out. */
    private static Load load(HttpClient http, int clients, int seconds, IntFunction<HttpRequest> request,
                             AtomicInteger next) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger budget = new AtomicInteger(MAX_REQUESTS);
        long t0 = System.nanoTime();
        long deadline = t0 + seconds * 1_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long[] lat = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
                        HttpRequest req = request.apply(next.getAndIncrement());
                        long s = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        long t = System.nanoTime() - s;
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = t;
                    }
                    return Arrays.copyOf(lat, n);
                }));
            }
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            long elapsed = System.nanoTime() - t0;
            long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
            return new Load(all, elapsed, errors.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
