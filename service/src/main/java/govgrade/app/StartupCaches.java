package govgrade.app;

import govgrade.packs.catalog.RuleBaseFiles;
import java.nio.file.Path;

/**
 * What a start reuses from the one before: compiled packs kept as files, read back instead of
 * compiled while their files and this build are unchanged; and for {@code serve}, a class archive
 * of the JVM (AppCDS, or the AOT cache on JDK 25), recorded by the first start and mapped by the next.
 *
 * @param packs  keep compiled packs and read them back at the next start
 * @param jvm    serve starts itself again with a class archive of this jar (see the CLI's Relaunch)
 * @param folder where; null: beside the database file, named after it ({@code govgrade.db.cache})
 */
public record StartupCaches(boolean packs, boolean jvm, Path folder) {
    /** The suffix of the folder beside the database file. */
    public static final String SUFFIX = ".cache";

    public StartupCaches {
        if (folder != null && folder.toString().isBlank()) {
            folder = null;
        }
    }

    /** Both kept beside the database file. */
    public static StartupCaches defaults() {
        return new StartupCaches(true, true, null);
    }

    /** The folder over the database file {@code db}. */
    public Path folder(Path db) {
        if (folder != null) {
            return folder;
        }
        Path abs = db.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + SUFFIX);
    }

    /**
     * The store's note of the schema Flyway left ({@code Database.open}), kept with the compiled packs: a restart
     * over the same history and migrations skips Flyway. Null when the pack cache is off.
     */
    Path schemaMark(Path db) {
        return packs ? folder(db).resolve("schema-history.sha256") : null;
    }

    /** The compiled packs' files over {@code db}, or null when they are off. */
    RuleBaseFiles packFiles(Path db) {
        return packs ? new RuleBaseFiles(folder(db).resolve("packs")) : null;
    }
}
