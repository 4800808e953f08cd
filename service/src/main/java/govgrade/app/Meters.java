package govgrade.app;

import govgrade.runs.GradingWatch;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The service's metrics registry with what the service meters of itself: the JVM and process
 * binders Micrometer ships, the store's size and write time, and each batch graded. Requests
 * and pack states are metered by the HTTP server on the same registry. One registry per service,
 * not the global one, so services started side by side (tests) count apart.
 */
final class Meters implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Timer storeWrites;

    /** {@code db}: the SQLite file, null when the store is PostgreSQL. */
    Meters(Path db) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        storeWrites = Timer.builder("govgrade.store.writes").description("store write transactions, once the writer is held")
                .register(registry);
        if (db != null) { // PostgreSQL: its own server reports its size
            Gauge.builder("govgrade.store.size", db, Meters::size).baseUnit("bytes")
                    .description("the SQLite file with its write-ahead log").register(registry);
        }
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    LongConsumer storeWrites() {
        return nanos -> storeWrites.record(nanos, TimeUnit.NANOSECONDS);
    }

    GradingWatch grading() {
        return (pack, subjects, took) -> {
            registry.counter("govgrade.batches.graded", "pack", pack).increment();
            DistributionSummary.builder("govgrade.batch.subjects").description("subjects in a batch graded")
                    .tag("pack", pack).register(registry).record(subjects);
            Timer.builder("govgrade.grading").description("time a batch's rules took, by pack").tag("pack", pack)
                    .register(registry).record(took);
        };
    }

    private static double size(Path db) {
        return bytes(db) + bytes(db.resolveSibling(db.getFileName() + "-wal"));
    }

    private static long bytes(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // not there yet, or gone between two scrapes
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
