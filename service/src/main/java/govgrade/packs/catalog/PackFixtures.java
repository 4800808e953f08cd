package govgrade.packs.catalog;

import govgrade.packs.PackSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A pack's fixtures as a set of files: name in {@code fixtures/<pack>/} to bytes (every
 * {@code .json}, batches and the {@code .expected.json} beside them), named by the hash of the
 * set. Read from a disk, or from the store, where a version keeps the set it is gated with.
 */
public record PackFixtures(String hash, SortedMap<String, byte[]> files) {
    /** No fixtures: the gate grades its built-in batch. */
    public static final PackFixtures NONE = new PackFixtures("none", Collections.emptySortedMap());

    public PackFixtures {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** The set of {@code files}, named by its hash; {@link #NONE} when there are none. */
    public static PackFixtures of(SortedMap<String, byte[]> files) {
        return files.isEmpty() ? NONE : new PackFixtures(PackSource.bytesHash(files), files);
    }

    /** The {@code .json} files of a pack's fixture folder; {@link #NONE} without the folder. */
    public static PackFixtures read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return NONE;
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json")).sorted()::iterator) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return of(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
