package govgrade.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated timings of one thing; figures are medians, since the machine is shared and noisy. */
final class Samples {
    private final List<Long> nanos = new ArrayList<>();
    private Memory.Peaks worst = new Memory.Peaks(-1, -1);

    void add(long elapsedNanos, Memory.Peaks peaks) {
        nanos.add(elapsedNanos);
        worst = new Memory.Peaks(Math.max(worst.heap(), peaks.heap()), Math.max(worst.rss(), peaks.rss()));
    }

    long median() {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        int n = s.size();
        return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    double medianSeconds() {
        return median() / 1e9;
    }

    /** The highest peaks over all repeats. */
    Memory.Peaks peaks() {
        return worst;
    }

    String spread() {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return s.isEmpty() ? "" : String.format(Locale.ROOT, "n=%d, %.3f-%.3f s", s.size(), s.get(0) / 1e9,
                s.get(s.size() - 1) / 1e9);
    }

    /** Timed {@code repeats} times, peaks reset (and garbage collected) before each. */
    static Samples of(int repeats, Body body) throws Exception {
        Samples out = new Samples();
        for (int i = 0; i < repeats; i++) {
            Memory.reset();
            long t0 = System.nanoTime();
            body.run();
            long t = System.nanoTime() - t0;
            out.add(t, Memory.peaks());
        }
        return out;
    }

    /**
     * Timed {@code repeats} times back to back, peaks reset once before the series. For batches
     * that take milliseconds: a full collection before each would make every run page in a
     * freshly shrunk heap, which a service grading batch after batch never does.
     */
    static Samples series(int repeats, Body body) throws Exception {
        Samples out = new Samples();
        Memory.reset();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            body.run();
            out.nanos.add(System.nanoTime() - t0);
        }
        out.worst = Memory.peaks();
        return out;
    }

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }
}
