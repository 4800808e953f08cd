package govgrade.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What {@code --db} may name besides a SQLite file: {@code jdbc:postgresql://host:port/db?user=u}
 * as the driver takes it, or {@code postgresql://user:password@host:port/db} as libpq and psql
 * take it (the driver does not read a user and password before the host, so they move to
 * properties here).
 */
public final class PostgresUrl {
    private static final String JDBC = "jdbc:postgresql:";
    private static final String LIBPQ = "postgresql://";

    private PostgresUrl() {
    }

    public static boolean is(String location) {
        return location != null && (location.startsWith(JDBC) || location.startsWith(LIBPQ));
    }

    static DataSource dataSource(String location) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        // A run's result rows go as one multi-row INSERT instead of a round trip per row.
        ds.setReWriteBatchedInserts(true);
        if (location.startsWith(JDBC)) {
            ds.setURL(location);
            return ds;
        }
        URI uri = URI.create(location);
        String info = uri.getRawUserInfo();
        String rest = location.substring(LIBPQ.length());
        if (info != null) {
            rest = rest.substring(info.length() + 1);
            int colon = info.indexOf(':');
            ds.setUser(decode(colon < 0 ? info : info.substring(0, colon)));
            if (colon >= 0) {
                ds.setPassword(decode(info.substring(colon + 1)));
            }
        }
        ds.setURL(JDBC + "//" + rest);
        return ds;
    }

    /** The URL as logs and health may show it: a password in it replaced by ***. */
    public static String withoutPassword(String location) {
        return location.replaceAll("(//[^:/@]+:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
