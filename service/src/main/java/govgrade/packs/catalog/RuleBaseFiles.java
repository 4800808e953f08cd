package govgrade.packs.catalog;

import govgrade.packs.PackSource;
import govgrade.packs.build.PackBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule bases kept as files in a folder of the service's own, so a restart reads an
 * unchanged pack back instead of compiling it (most of a cold start). A file is named by the
 * pack's version and holds, before the rule base, what it was made from and by: the hash of the
 * pack's bytes, the build of govgrade and Drools and the JVM that wrote it, and the SHA-256 of the
 * rule base. Any of them differing, or the file cut short, and it is not used: the pack is compiled
 * and the file written again. A rule base is code, so this folder is only ever written by the
 * service itself, never filled from a pack author's files.
 */
public final class RuleBaseFiles {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBaseFiles.class);
    private static final String MAGIC = "govgrade compiled rule base 2";
    private static final int HEADER_LINES = 6;
    private static final String BUILD = build();
    /** Every draft and hot-reload save is a version: the files most recently used are kept, as in {@link PackCache}. */
    static final int KEPT = 2 * PackCache.DEFAULT_MAX_VERSIONS;

    private final Path folder;

    public RuleBaseFiles(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** The rule base stored for {@code src}, when one was stored by this build for these very bytes. */
    public Optional<byte[]> read(PackSource src) {
        Path file = file(src);
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("compiled pack {} not read, compiling instead: {}", file, e.getMessage());
            return Optional.empty();
        }
        int at = 0;
        String[] header = new String[HEADER_LINES];
        for (int i = 0; i < HEADER_LINES; i++) {
            int end = indexOf(all, (byte) '\n', at);
            if (end < 0) {
                return damaged(file, "cut short");
            }
            header[i] = new String(all, at, end - at, StandardCharsets.UTF_8);
            at = end + 1;
        }
        byte[] body = Arrays.copyOfRange(all, at, all.length);
        String[] expected = header(src, body);
        for (int i = 0; i < HEADER_LINES; i++) {
            if (i == 5 && !expected[i].equals(header[i])) {
                return damaged(file, "its content does not match its hash");
            } else if (!expected[i].equals(header[i])) {
                // The routine case after an upgrade: not news on grade's standard error, which is the batch's.
                LOG.debug("compiled pack {} made from other files or by another build ({}), compiling instead",
                        file.getFileName(), header[i]);
                return Optional.empty();
            }
        }
        try {
            // Read means used: the pruning after a write keeps it.
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("{} not touched: {}", file, e.getMessage());
        }
        return Optional.of(body);
    }

    /** Stores {@code body}, the rule base compiled from {@code src}; a failure only costs a compile next time. */
    public void write(PackSource src, byte[] body) {
        Path file = file(src);
        try {
            createFolder();
            Path tmp = Files.createTempFile(folder, file.getFileName().toString(), ".part");
            try {
                byte[] header = (String.join("\n", header(src, body)) + "\n").getBytes(StandardCharsets.UTF_8);
                try (var out = Files.newOutputStream(tmp)) {
                    out.write(header);
                    out.write(body);
                }
                // Whole or not at all: a reader never sees half a file, even with two services on one folder.
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled pack {} not stored (the next start compiles it again): {}", file, e.getMessage());
        }
    }

    /** The least recently used files beyond {@link #KEPT} deleted. */
    private void prune() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".rules")).toList();
        }
        if (files.size() <= KEPT) {
            return;
        }
        Map<Path, Long> used = new HashMap<>();
        for (Path p : files) {
            used.put(p, Files.getLastModifiedTime(p).toMillis());
        }
        List<Path> oldestFirst = new ArrayList<>(files);
        oldestFirst.sort(Comparator.comparing(used::get));
        for (Path p : oldestFirst.subList(0, files.size() - KEPT)) {
            Files.deleteIfExists(p);
        }
    }

    /**
     * Named by the pack's version and the JDK's feature release: a machine that grades on JDK 17 and
     * 25 by turns, into one cache folder, keeps a file for each instead of writing the other's over.
     */
    Path file(PackSource src) {
        return folder.resolve(src.id() + "-" + src.version() + "-jdk" + Runtime.version().feature() + ".rules");
    }

    private void createFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Rule bases are code the service runs: other users of the machine may not write them.
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    private static String[] header(PackSource src, byte[] body) {
        return new String[] {MAGIC, BUILD, src.id(), src.version(), PackSource.bytesHash(src.files()), sha256(body)};
    }

    private static Optional<byte[]> damaged(Path file, String why) {
        LOG.warn("compiled pack {} not used, compiling instead: {}", file.getFileName(), why);
        return Optional.empty();
    }

    /**
     * Which govgrade, Drools and JVM this is: the jar (or folder) each was loaded from, with its size
     * and time, and the JVM's version. A rebuilt jar is another build, so its files are compiled anew.
     */
    private static String build() {
        return where(PackBuilder.class) + " " + where(org.kie.api.KieBase.class) + " "
                + where(org.drools.base.common.DroolsObjectInputStream.class) + " " + System.getProperty("java.vm.version");
    }

    private static String where(Class<?> type) {
        try {
            Path p = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(p)) {
                // Classes of a build folder (tests): the class file itself changes with each compile.
                p = p.resolve(type.getName().replace('.', '/') + ".class");
            }
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return sha256((p + "|" + a.size() + "|" + a.lastModifiedTime().toMillis()).getBytes(StandardCharsets.UTF_8))
                    .substring(0, 16);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown origin: a value no file can hold, so nothing stored is ever trusted.
            return "unknown-" + System.nanoTime();
        }
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
