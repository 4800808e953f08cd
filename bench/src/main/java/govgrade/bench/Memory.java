package govgrade.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of a measured stage: the heap pools' peaks (reset before the stage) and the
 * process's peak resident set (VmHWM), which Linux resets when "5" is written to clear_refs.
 */
final class Memory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private Memory() {
    }

    /** Peaks of one stage, in bytes; -1 where the platform does not say. */
    record Peaks(long heap, long rss) {
        String heapMb() {
            return mb(heap);
        }

        String rssMb() {
            return mb(rss);
        }
    }

    /** Collects garbage and resets the peaks, so the next {@link #peaks()} covers what follows only. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux, or not allowed: VmHWM then covers the whole process, which the report says.
        }
    }

    /**
     * The sum of the heap pools' peaks (an upper bound of the heap's peak: pools peak at different
     * moments) and VmHWM.
     */
    static Peaks peaks() {
        long heap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                heap += p.getPeakUsage().getUsed();
            }
        }
        return new Peaks(heap, statusKb(STATUS, "VmHWM:") * 1024);
    }

    /** A kB field of a /proc status file, or -1. */
    static long statusKb(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
