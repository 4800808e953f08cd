package govgrade.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/** The two stores the store tests run against: a SQLite file, and a fresh PostgreSQL database. */
final class Stores {
    static final String SQLITE = "sqlite";
    static final String POSTGRESQL = "postgresql";

    private Stores() {
    }

    static Database open(String store, Path dir) throws SQLException {
        return open(store, dir, nanos -> { });
    }

    /** {@code writeNanos}: told of each write transaction, as the service's metrics are. */
    static Database open(String store, Path dir, LongConsumer writeNanos) throws SQLException {
        return store.equals(SQLITE) ? Database.open(dir.resolve("govgrade.db"), writeNanos)
                : Database.open(TestPostgres.newDatabase(), writeNanos);
    }
}
