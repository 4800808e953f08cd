package govgrade.packs.catalog;

import govgrade.packs.CompiledPack;
import govgrade.packs.PackRejected;
import govgrade.packs.PackSource;
import govgrade.packs.UnknownPack;
import govgrade.packs.build.PackCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The packs of an installation folder ({@code rules-drl/} and {@code decision-tables/} under
 * {@code home}). Compiled rule bases are cached by version, so unchanged files are never
 * compiled twice in a process.
 */
public final class PackRegistry {
    private final Path home;
    private final Map<String, CompiledPack> byVersion = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public PackRegistry(Path home) {
        this.home = home;
    }

    public Path home() {
        return home;
    }

    /** Pack ids: folder names under rules-drl/ and decision-tables/, sorted. */
    public List<String> ids() throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        for (String dir : new String[] {PackSource.DRL_DIR, PackSource.TABLE_DIR}) {
            Path root = home.resolve(dir);
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.list(root)) {
                    s.filter(Files::isDirectory).forEach(p -> ids.add(p.getFileName().toString()));
                }
            }
        }
        return List.copyOf(ids);
    }

    /** The pack as its files on disk are now, compiled (or taken from the cache by version). */
    public CompiledPack load(String id) throws UnknownPack, PackRejected, IOException {
        if (!ids().contains(id)) {
            throw new UnknownPack(id, ids());
        }
        return compile(PackSource.fromDisk(home, id));
    }


    /**
     * Compiles the pack's files on disk into the cache, ahead of whoever loads them; errors are
     * left for that caller, who compiles again and reports them.
     */
    public void precompile(String id) {
        try {
            compile(PackSource.fromDisk(home, id));
        } catch (PackRejected | IOException | RuntimeException e) {
            // Reported by the load or sync that follows.
        }
    }

    /**
     * Compiles a source unless its version is cached; concurrent callers compile a version once,
     * and different versions at the same time (a service starting compiles its packs on every core).
     */
    public CompiledPack compile(PackSource src) throws PackRejected {
        CompiledPack cached = byVersion.get(src.version());
        if (cached != null) {
            return cached;
        }
        synchronized (locks.computeIfAbsent(src.version(), v -> new Object())) {
            cached = byVersion.get(src.version());
            if (cached == null) {
                cached = PackCompiler.compile(src);
                byVersion.put(src.version(), cached);
            }
            return cached;
        }
    }
}
