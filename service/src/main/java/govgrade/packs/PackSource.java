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
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The files of one pack, by path relative to the installation folder
 * ({@code rules-drl/meixian/meixian.drl}, {@code decision-tables/meixian/meixian.xlsx}), and the
 * version they are: the hash of what they mean ({@code packs.tables.PackMeaning}, which makes
 * sources), or the id a version was stored under when it was first seen.
 */
public final class PackSource {
    public static final String DRL_DIR = "rules-drl";
    public static final String TABLE_DIR = "decision-tables";

    private final String id;
    private final SortedMap<String, byte[]> files;
    private final String version;
    private final Supplier<String> codeVersion;

    /** {@code version}: the content hash, or a stored id; {@code codeVersion}: the hash of the code alone. */
    public PackSource(String id, SortedMap<String, byte[]> files, String version, String codeVersion) {
        this(id, files, version, () -> codeVersion);
    }

    /**
     * {@code codeVersion} worked out when first asked for, at most once: a version whose meaning was
     * known from the store need not have its workbooks read for a hash only a criteria editor's draft asks for.
     */
    public PackSource(String id, SortedMap<String, byte[]> files, String version, Supplier<String> codeVersion) {
        this.id = id;
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        this.version = version;
        this.codeVersion = once(codeVersion);
    }

    /** The same files under the id they were stored with (versions stored before content hashes keep their ids). */
    public PackSource storedAs(String storedVersion) {
        return storedVersion.equals(version) ? this : new PackSource(id, files, storedVersion, codeVersion);
    }

    private static Supplier<String> once(Supplier<String> s) {
        return new Supplier<>() {
            private volatile String value;

            @Override
            public String get() {
                String v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = s.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }

    /**
     * A pack's files in {@code home/rules-drl/<id>} and {@code home/decision-tables/<id>}, and the
     * library files its DRL includes from {@code home/rules-lib} ({@link RuleLibrary}).
     */
    public static SortedMap<String, byte[]> filesOnDisk(Path home, String id) throws IOException {
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
        if (!files.isEmpty()) {
            RuleLibrary.resolve(home, files);
        }
        return files;
    }

    /** Rule files and workbooks; editors' lock and backup files (~$x.xlsx, .#x, x~) are not. */
    public static boolean isPackFile(String name) {
        if (name.startsWith("~$") || name.startsWith(".") || name.endsWith("~")) {
            return false;
        }
        String n = name.toLowerCase();
        return n.endsWith(".drl") || n.endsWith(".xlsx") || n.endsWith(".xls");
    }

    /** Whether a file is a workbook (.xlsx or .xls) rather than a rule file. */
    public static boolean isWorkbook(String path) {
        String n = path.toLowerCase();
        return n.endsWith(".xlsx") || n.endsWith(".xls");
    }

    /**
     * The hash of the files' paths and bytes, the way versions were named before they were
     * content: for telling whether files changed between two reads, and for nothing else.
     */
    public static String bytesHash(SortedMap<String, byte[]> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Integer.toString(e.getValue().length).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) 0);
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String id() {
        return id;
    }

    /** 16 hex digits (64 bits): short enough to type in a what-if request, ample for a county's edits. */
    public String version() {
        return version;
    }

    /** The hash of the rule code alone (DRL and the workbook cells that are not values). */
    public String codeVersion() {
        return codeVersion.get();
    }

    public SortedMap<String, byte[]> files() {
        return files;
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
