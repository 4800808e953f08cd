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
import java.util.Optional;
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
        Map<String, TreeSet<String>> listing = listing();
        TreeSet<String> ids = new TreeSet<>();
        listing.values().forEach(ids::addAll);
        ids.removeIf(id -> !misnamed(id, listing).isEmpty());
        return List.copyOf(ids);
    }

    /** Every pack folder whose name is not a pack id, one error each, naming the folder and the rule. */
    public List<PackError> misnamed() throws IOException {
        Map<String, TreeSet<String>> listing = listing();
        TreeSet<String> names = new TreeSet<>();
        listing.values().forEach(names::addAll);
        List<PackError> errors = new ArrayList<>();
        for (String name : names) {
            errors.addAll(misnamed(name, listing));
        }
        return errors.stream().distinct().toList();
    }

    /**
     * The folders called {@code name} when it is not a pack id, or when the pack's other folder is
     * named otherwise ({@code rules-drl/Wuding} beside {@code decision-tables/wuding}: a disk that
     * ignores case would take them for one pack, another for two halves). Empty when none.
     */
    public List<PackError> misnamed(String name) throws IOException {
        return misnamed(name, listing());
    }

    private static List<PackError> misnamed(String name, Map<String, TreeSet<String>> listing) {
        List<PackError> errors = new ArrayList<>();
        boolean valid = PackId.isValid(name);
        boolean somewhere = listing.values().stream().anyMatch(names -> names.contains(name));
        for (Map.Entry<String, TreeSet<String>> root : listing.entrySet()) {
            String dir = root.getKey();
            if (!valid && root.getValue().contains(name)) {
                errors.add(PackError.inFile(dir + "/" + name, "the folder's name is not a pack id, so the pack cannot "
                        + "be graded and is not loaded; a pack id is " + PackId.RULE + ": rename the folder in both "
                        + PackSource.DRL_DIR + "/ and " + PackSource.TABLE_DIR + "/"
                        + (PackId.isValid(name.toLowerCase(Locale.ROOT)) ? ", e.g. to " + name.toLowerCase(Locale.ROOT)
                        : "")));
            }
            if (valid && somewhere && !root.getValue().contains(name)) {
                for (String twin : root.getValue()) {
                    if (twin.equalsIgnoreCase(name)) {
                        errors.add(PackError.inFile(dir + "/" + twin, "the pack's folders disagree: " + dir + "/"
                                + twin + " beside the other folder named " + name + "; both folders of a pack are "
                                + "named by its id, " + PackId.RULE + ": rename " + dir + "/" + twin + " to " + dir
                                + "/" + name));
                    }
                }
            }
        }
        return errors;
    }

    /** The folder names under each of rules-drl/ and decision-tables/, as the disk spells them. */
    private Map<String, TreeSet<String>> listing() throws IOException {
        Map<String, TreeSet<String>> listing = new LinkedHashMap<>();
        for (String dir : new String[] {PackSource.DRL_DIR, PackSource.TABLE_DIR}) {
            TreeSet<String> names = new TreeSet<>();
            Path root = home.resolve(dir);
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.list(root)) {
                    s.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString()));
                }
            }
            listing.put(dir, names);
        }
        return listing;
    }

    /**
     * The pack's files as they are on disk now. What they mean is worked out once per content
     * (reading a workbook's cells takes a while, and start-up and hot reload read the same files
     * more than once).
     */
    public PackSource read(String id) throws IOException {
        return read(id, (i, files) -> Optional.empty());
    }

    /** What files of a pack mean when the caller knows it without reading them; empty when it does not. */
    @FunctionalInterface
    interface KnownMeaning {
        Optional<PackSource> of(String id, SortedMap<String, byte[]> files);
    }

    /** As {@link #read(String)}, asking {@code known} before reading the workbooks' cells. */
    PackSource read(String id, KnownMeaning known) throws IOException {
        SortedMap<String, byte[]> files = PackSource.filesOnDisk(home, id);
        String bytes = PackSource.bytesHash(files);
        PackSource remembered;
        synchronized (meanings) {
            remembered = meanings.get(bytes);
        }
        if (remembered != null && remembered.id().equals(id)) {
            return remembered;
        }
        PackSource src = known.of(id, files).orElseGet(() -> PackMeaning.source(id, files));
        synchronized (meanings) {
            meanings.put(bytes, src);
        }
        return src;
    }

    /** The pack as its files on disk are now, compiled (or taken from the cache by version). */
    public CompiledPack load(String id) throws UnknownPack, PackRejected, IOException {
        List<PackError> misnamed = id == null ? List.<PackError>of() : misnamed(id);
        if (!misnamed.isEmpty()) {
            throw new PackRejected(id, misnamed);
        }
        if (!ids().contains(id)) {
            throw new UnknownPack(id, ids());
        }
        return cache.compile(read(id));
    }
}
