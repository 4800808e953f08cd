package govgrade.packs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one pack, by path relative to the installation folder
 * ({@code rules-drl/meixian/meixian.drl}, {@code decision-tables/meixian/meixian.xlsx}), and the
 * version they make: a hash of paths and contents, so the same files are the same version
 * wherever they are compiled.
 */
public final class PackSource {
    public static final String DRL_DIR = "rules-drl";
    public static final String TABLE_DIR = "decision-tables";

    private final String id;
    private final SortedMap<String, byte[]> files;
    private final String version;

    public PackSource(String id, SortedMap<String, byte[]> files) {
        this.id = id;
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        this.version = hash(this.files);
    }

    /** Reads a pack's files from {@code home/rules-drl/<id>} and {@code home/decision-tables/<id>}. */
    public static PackSource fromDisk(Path home, String id) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String dir : new String[] {DRL_DIR, TABLE_DIR}) {
            Path root = home.resolve(dir).resolve(id);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    if (isPackFile(p.getFileName().toString())) {
                        String rel = home.relativize(p).toString().replace('\\', '/');
                        files.put(rel, Files.readAllBytes(p));
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return new PackSource(id, files);
    }

    /** Rule files and workbooks; editors' lock and backup files (~$x.xlsx, .#x, x~) are not. */
    public static boolean isPackFile(String name) {
        if (name.startsWith("~$") || name.startsWith(".") || name.endsWith("~")) {
            return false;
        }
        String n = name.toLowerCase();
        return n.endsWith(".drl") || n.endsWith(".xlsx") || n.endsWith(".xls");
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public SortedMap<String, byte[]> files() {
        return files;
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    private static String hash(SortedMap<String, byte[]> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Integer.toString(e.getValue().length).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) 0);
                md.update(e.getValue());
            }
            // 16 hex digits (64 bits): short enough to type in a what-if request, ample for a county's edits.
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
