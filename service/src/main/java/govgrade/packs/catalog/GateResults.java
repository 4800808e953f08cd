package govgrade.packs.catalog;

import govgrade.packs.PackError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The gate's verdict per version, for this process: a draft graded when it was sent need not be
 * graded again when it is published. Bounded like the pack cache; a verdict dropped is worked
 * out again.
 */
final class GateResults {
    private static final int MAX = 256;

    private final Map<String, List<PackError>> byVersion = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<PackError>> eldest) {
            return size() > MAX;
        }
    };

    /** The verdict remembered, or {@code check}'s, remembered. Checks of different versions may run at once. */
    List<PackError> computeIfAbsent(String version, Function<String, List<PackError>> check) {
        synchronized (byVersion) {
            List<PackError> known = byVersion.get(version);
            if (known != null) {
                return known;
            }
        }
        List<PackError> verdict = List.copyOf(check.apply(version));
        synchronized (byVersion) {
            byVersion.put(version, verdict);
        }
        return verdict;
    }
}
