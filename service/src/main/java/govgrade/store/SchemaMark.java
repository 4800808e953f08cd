package govgrade.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Flyway would find nothing to do: the schema history and the migration scripts this build
 * carries are, byte for byte, those a migrate ended with before. Flyway's migrate and validate are a
 * function of the two (and of Flyway's version and the locations, hashed with them), and a second
 * migrate over what the first left changes nothing, so a start that finds its own mark skips
 * Flyway: half a second of a restart, most of it Flyway scanning the class path and building its
 * model of the database. Anything else (a script added or edited, a history another build or
 * instance wrote, a failed row, a history missing) differs from the mark, and Flyway runs and
 * decides as it always did. The mark is a file in the start-up cache folder; a mark lost or
 * unreadable only means Flyway runs.
 */
final class SchemaMark {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMark.class);
    private static final String HISTORY = "SELECT installed_rank, version, description, type, script, checksum, "
            + "success FROM flyway_schema_history ORDER BY installed_rank";
    private static final String FLYWAY_VERSION = "org/flywaydb/core/internal/version.txt";

    private final Path file;
    private final List<String> locations;
    private final ClassLoader loader;

    /** {@code locations}: the class path folders Flyway reads the scripts from, without {@code classpath:}. */
    SchemaMark(Path file, List<String> locations) {
        this(file, locations, SchemaMark.class.getClassLoader());
    }

    /** {@code loader}: the class path the scripts are looked up in (a test gives one of its own). */
    SchemaMark(Path file, List<String> locations, ClassLoader loader) {
        this.file = file;
        this.locations = List.copyOf(locations);
        this.loader = loader;
    }

    /** Whether the store's history and this build's scripts are those the mark was taken from. */
    boolean holds(DataSource ds) {
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            Optional<String> now = fingerprint(ds);
            return now.isPresent() && now.get().equals(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.debug("schema mark not read, Flyway decides: {}", e.getMessage());
            return false;
        }
    }

    /** After a migrate that succeeded: the history it left, with this build's scripts. */
    void record(DataSource ds) {
        try {
            Optional<String> now = fingerprint(ds);
            if (now.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path part = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            Files.writeString(part, now.get() + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.debug("schema mark not kept, the next start runs Flyway: {}", e.getMessage());
        }
    }

    /**
     * Empty when the scripts cannot be listed (a class path other than folders and jars, a location that lists
     * nothing) or no history exists.
     */
    Optional<String> fingerprint(DataSource ds) throws IOException, SQLException {
        MessageDigest digest = sha256();
        try (InputStream in = loader.getResourceAsStream(FLYWAY_VERSION)) {
            if (in == null) {
                return Optional.empty();
            }
            field(digest, in.readAllBytes());
        }
        for (String location : locations) {
            Optional<TreeMap<String, byte[]>> scripts = scripts(loader, location);
            if (scripts.isEmpty() || scripts.get().isEmpty()) {
                // Not found is not "no scripts": a jar without folder entries lists none, whatever it carries.
                return Optional.empty();
            }
            field(digest, location.getBytes(StandardCharsets.UTF_8));
            for (var s : scripts.get().entrySet()) {
                field(digest, s.getKey().getBytes(StandardCharsets.UTF_8));
                field(digest, s.getValue());
            }
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(HISTORY)) {
            int columns = r.getMetaData().getColumnCount();
            int rows = 0;
            while (r.next()) {
                rows++;
                for (int i = 1; i <= columns; i++) {
                    String v = r.getString(i);
                    field(digest, v == null ? new byte[] {0} : ("=" + v).getBytes(StandardCharsets.UTF_8));
                }
            }
            if (rows == 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty(); // no history yet: a new database, Flyway makes it
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    /** Every file under {@code location} on the class path, by its path below it; empty when not listable. */
    private static Optional<TreeMap<String, byte[]>> scripts(ClassLoader loader, String location) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        for (URL url : Collections.list(loader.getResources(location))) {
            if (url.getProtocol().equals("file")) {
                Path dir;
                try {
                    dir = Path.of(url.toURI());
                } catch (URISyntaxException e) {
                    return Optional.empty();
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                        out.put(url + "!" + dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            } else if (url.getProtocol().equals("jar") && url.openConnection() instanceof JarURLConnection jar) {
                // The jar the class loader holds open already: its central directory is read, nothing is mounted.
                JarFile jarFile = jar.getJarFile();
                String folder = jar.getEntryName(); // "db/migration/common/": the jar's folder entry, with its slash
                String prefix = folder.endsWith("/") ? folder : folder + "/";
                for (var e : (Iterable<java.util.jar.JarEntry>) jarFile.stream()
                        .filter(e -> !e.isDirectory() && e.getName().startsWith(prefix))::iterator) {
                    try (InputStream in = jarFile.getInputStream(e)) {
                        out.put(jar.getJarFileURL() + "!" + e.getName().substring(prefix.length()), in.readAllBytes());
                    }
                }
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static void field(MessageDigest digest, byte[] bytes) {
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
