package govgrade.runs;

import java.time.Duration;

/**
 * Told of each batch graded, for the operator's metrics: declared here, where grading happens,
 * and implemented where the metrics registry lives (app), so runs needs no metrics library.
 */
@FunctionalInterface
public interface GradingWatch {
    GradingWatch NONE = (pack, subjects, took) -> { };

    /** A batch of {@code pack} graded: how many subjects it held, how long its rules took. */
    void graded(String pack, int subjects, Duration took);
}
