package govgrade.packs.catalog;

import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.PackSource;
import govgrade.packs.build.PackBuilder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled packs by version (the content hash), for the CLI and the service alike. A version is
 * compiled once however many callers ask for it at the same time, different versions compile side
 * by side (a starting service compiles its packs on every core), and only the most recently used
 * versions stay: every hot-reload save and every draft is a version, and a rule base is tens of
 * megabytes, so an unbounded cache grows for the life of the process. A version dropped here is
 * compiled again from its files (the store keeps them) when it is next asked for. With
 * {@link RuleBaseFiles}, a version compiled by an earlier process is read back instead of compiled.
 */
public final class PackCache {
    /** Five bundled packs, a draft or two of each and the versions last period's runs were graded with. */
    public static final int DEFAULT_MAX_VERSIONS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(PackCache.class);

    private final int maxVersions;
    private final Budgets budgets;
    private final RuleBaseFiles files;
    private final Map<String, CompiledPack> byVersion;
    private final Map<String, Object> compiling = new ConcurrentHashMap<>();

    /** {@code budgets}: the compile time each build may take (a pack's criteria rules fire in it too). */
    public PackCache(int maxVersions, Budgets budgets) {
        this(maxVersions, budgets, null);
    }

    /** {@code files}: rule bases compiled earlier, read instead of compiling and written after; null for none. */
    public PackCache(int maxVersions, Budgets budgets, RuleBaseFiles files) {
        if (maxVersions < 1) {
            throw new IllegalArgumentException("a pack cache must hold at least one version, not " + maxVersions);
        }
        this.maxVersions = maxVersions;
        this.budgets = budgets;
        this.files = files;
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
                CompiledPack compiled = restored(src).orElse(null);
                if (compiled == null) {
                    compiled = PackBuilder.build(src, budgets);
                    stored(compiled);
                }
                synchronized (byVersion) {
                    byVersion.put(src.version(), compiled);
                }
                return compiled;
            }
        } finally {
            compiling.remove(src.version(), lock);
        }
    }

    /** Only a version that compiled without error is ever written, so one read back needs no checks again. */
    private Optional<CompiledPack> restored(PackSource src) {
        if (files == null) {
            return Optional.empty();
        }
        Optional<byte[]> stored = files.read(src);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PackBuilder.restore(src, stored.get(), budgets));
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled pack {} {} not usable, compiling instead: {}", src.id(), src.version(), e.toString());
            return Optional.empty();
        }
    }

    private void stored(CompiledPack compiled) {
        if (files == null) {
            return;
        }
        try {
            files.write(compiled.source(), PackBuilder.stored(compiled));
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled pack {} {} not stored: {}", compiled.id(), compiled.version(), e.toString());
        }
    }

    /** How many versions are held now (at most the bound). */
    public int size() {
        synchronized (byVersion) {
            return byVersion.size();
        }
    }
}
