package govgrade.store;

import java.nio.file.Path;
import java.sql.SQLException;

/** The two stores the store tests run against: a SQLite file, and a fresh PostgreSQL database. */
final class Stores {
    static final String SQLITE = "sqlite";
    static final String POSTGRESQL = "postgresql";

    private Stores() {
    }

    static Database open(String store, Path dir) throws SQLException {
        return store.equals(SQLITE) ? Database.open(dir.resolve("govgrade.db"))
                : Database.open(TestPostgres.newDatabase(), nanos -> { });
    }
}
