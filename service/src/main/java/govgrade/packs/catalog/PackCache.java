package govgrade.packs.catalog;

import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.PackSource;
import govgrade.packs.build.PackBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled packs by version (the content hash), for the CLI and the service alike. A version is
 * compiled once however many callers ask for it at the same time, different versions compile side
 * by side (a starting service compiles its packs on every core), and only the most recently used
 * versions stay: every hot-reload save and every draft is a version, and a rule base is tens of
 * megabytes, so an unbounded cache grows for the life of the process. A version dropped here is
 * compiled again from its files (the store keeps them) when it is next asked for.
 */
public final class PackCache {
    /** Five bundled packs, a draft or two of each and the versions last period's runs were graded with. */
    public static final int DEFAULT_MAX_VERSIONS = 32;

    private final int maxVersions;
    private final Budgets budgets;
    private final Map<String, CompiledPack> byVersion;
    private final Map<String, Object> compiling = new ConcurrentHashMap<>();

    /** {@code budgets}: the compile time each build may take (a pack's criteria rules fire in it too). */
    public PackCache(int maxVersions, Budgets budgets) {
        if (maxVersions < 1) {
            throw new IllegalArgumentException("a pack cache must hold at least one version, not " + maxVersions);
        }
        this.maxVersions = maxVersions;
        this.budgets = budgets;
        this.byVersion = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompiledPack> eldest) {
                return size() > PackCache.this.maxVersions;
            }
        };
    }

    public PackCache(int maxVersions) {
        this(maxVersions, Budgets.DEFAULTS);
    }

    public PackCache() {
        this(DEFAULT_MAX_VERSIONS);
    }

    /** The version compiled already, if it is still held. */
    public Optional<CompiledPack> cached(String version) {
        synchronized (byVersion) {
            return Optional.ofNullable(byVersion.get(version));
        }
    }

    /** The source compiled, or taken from the cache by its version. */
    public CompiledPack compile(PackSource src) throws PackRejected {
        Optional<CompiledPack> hit = cached(src.version());
        if (hit.isPresent()) {
            return hit.get();
        }
        Object lock = compiling.computeIfAbsent(src.version(), v -> new Object());
        try {
            synchronized (lock) {
                hit = cached(src.version());
                if (hit.isPresent()) {
                    return hit.get();
                }
                List<PackError> layout = OneWorkbook.check(src);
                if (!layout.isEmpty()) {
                    throw new PackRejected(src.id(), layout);
                }
                CompiledPack compiled = PackBuilder.build(src, budgets);
                synchronized (byVersion) {
                    byVersion.put(src.version(), compiled);
                }
                return compiled;
            }
        } finally {
            compiling.remove(src.version(), lock);
        }
    }

    /** How many versions are held now (at most the bound). */
    public int size() {
        synchronized (byVersion) {
            return byVersion.size();
        }
    }
}
