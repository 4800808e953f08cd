package govgrade.packs.catalog;

import govgrade.facts.PackId;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.PackSource;
import govgrade.packs.UnknownPack;
import govgrade.packs.tables.PackMeaning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The packs of an installation folder ({@code rules-drl/} and {@code decision-tables/} under
 * {@code home}), compiled through a {@link PackCache}, so unchanged files are never compiled twice
 * in a process.
 */
public final class PackHome {
    private static final int MEANINGS_KEPT = 16;

    private final Path home;
    private final PackCache cache;
    /** Sources by the hash of their bytes, the few most recently read. */
    private final Map<String, PackSource> meanings = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PackSource> eldest) {
            return size() > MEANINGS_KEPT;
        }
    };

    public PackHome(Path home, PackCache cache) {
        this.home = home;
        this.cache = cache;
    }

    /** A folder with a cache of its own (the CLI: one process, one folder). */
    public PackHome(Path home) {
        this(home, new PackCache());
    }

    public Path home() {
        return home;
    }

    public PackCache cache() {
        return cache;
    }

    /**
     * Pack ids: folder names under rules-drl/ and decision-tables/, sorted. A folder whose name is
     * not a pack id ({@link PackId}) is left out: it could be compiled but never graded, since no
     * batch or URL may name it; {@link #misnamed()} says which.
     */
    public List<String> ids() throws IOException {
        TreeSet<String> ids = new TreeSet<>(folders());
        ids.removeIf(id -> !PackId.isValid(id));
        return List.copyOf(ids);
    }

    /** Every pack folder whose name is not a pack id, one error each, naming the folder and the rule. */
    public List<PackError> misnamed() throws IOException {
        List<PackError> errors = new ArrayList<>();
        for (String name : folders()) {
            errors.addAll(misnamed(name));
        }
        return errors;
    }

    /** The folders called {@code name} when it is not a pack id (empty when it is one, or no folder has it). */
    public List<PackError> misnamed(String name) {
        List<PackError> errors = new ArrayList<>();
        if (PackId.isValid(name)) {
            return errors;
        }
        for (String dir : new String[] {PackSource.DRL_DIR, PackSource.TABLE_DIR}) {
            if (Files.isDirectory(home.resolve(dir).resolve(name))) {
                String folder = dir + "/" + name;
                errors.add(PackError.inFile(folder, "the folder's name is not a pack id, so the pack cannot be graded "
                        + "and is not loaded; a pack id is " + PackId.RULE + ": rename the folder in both "
                        + PackSource.DRL_DIR + "/ and " + PackSource.TABLE_DIR + "/"
                        + (PackId.isValid(name.toLowerCase(Locale.ROOT))
                        ? ", e.g. to " + name.toLowerCase(Locale.ROOT) : "")));
            }
        }
        return errors;
    }

    private TreeSet<String> folders() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (String dir : new String[] {PackSource.DRL_DIR, PackSource.TABLE_DIR}) {
            Path root = home.resolve(dir);
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.list(root)) {
                    s.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString()));
                }
            }
        }
        return names;
    }

    /**
     * The pack's files as they are on disk now. What they mean is worked out once per content
     * (reading a workbook's cells takes a while, and start-up and hot reload read the same files
     * more than once).
     */
    public PackSource read(String id) throws IOException {
        SortedMap<String, byte[]> files = PackSource.filesOnDisk(home, id);
        String bytes = PackSource.bytesHash(files);
        PackSource known;
        synchronized (meanings) {
            known = meanings.get(bytes);
        }
        if (known != null && known.id().equals(id)) {
            return known;
        }
        PackSource src = PackMeaning.source(id, files);
        synchronized (meanings) {
            meanings.put(bytes, src);
        }
        return src;
    }

    /** The pack as its files on disk are now, compiled (or taken from the cache by version). */
    public CompiledPack load(String id) throws UnknownPack, PackRejected, IOException {
        List<PackError> misnamed = id == null ? List.of() : misnamed(id);
        if (!misnamed.isEmpty()) {
            throw new PackRejected(id, misnamed);
        }
        if (!ids().contains(id)) {
            throw new UnknownPack(id, ids());
        }
        return cache.compile(read(id));
    }

    /**
     * Compiles the pack's files on disk into the cache, ahead of whoever loads them; errors are
     * left for that caller, who compiles again and reports them.
     */
    public void precompile(String id) {
        try {
            cache.compile(read(id));
        } catch (PackRejected | IOException | RuntimeException e) {
            // Reported by the load or sync that follows.
        }
    }
}
