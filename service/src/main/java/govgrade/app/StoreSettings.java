package govgrade.app;

import govgrade.store.PostgresUrl;
import govgrade.store.StoreCodec;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the store is when it is not the SQLite file {@link Settings#db()}, and how often an
 * instance looks for versions another instance over the same store made active.
 *
 * @param url  a PostgreSQL URL (postgresql://user:password@host:5432/db or jdbc:postgresql://...);
 *             null: the SQLite file
 * @param poll how often the active versions are read back from the store, besides PostgreSQL's
 *             notifications (which come at once); also how soon a second process over one SQLite
 *             file sees a publish
 * @param codec what new runs, batches and what-if answers are written in; both are read
 */
public record StoreSettings(String url, Duration poll, StoreCodec codec) {
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    static final Duration MIN_POLL = Duration.ofMillis(50);
    static final Duration MAX_POLL = Duration.ofMinutes(10);

    public StoreSettings {
        url = url == null || url.isBlank() ? null : url;
        if (url != null && !PostgresUrl.is(url)) {
            throw new IllegalArgumentException("db: " + url + " is not a PostgreSQL URL (postgresql://user:password@"
                    + "host:5432/db or jdbc:postgresql://host:5432/db?user=u)");
        }
        if (poll == null || poll.compareTo(MIN_POLL) < 0 || poll.compareTo(MAX_POLL) > 0) {
            throw new IllegalArgumentException("store poll: " + (poll == null ? "none" : poll.toMillis() + " ms")
                    + " must be " + MIN_POLL.toMillis() + " ms to " + MAX_POLL.toMinutes() + " minutes (--store-poll-ms)");
        }
        if (codec == null) {
            throw new IllegalArgumentException("store codec: none (zstd or gzip, --store-codec)");
        }
    }

    /** New rows in zstd, the default. */
    public StoreSettings(String url, Duration poll) {
        this(url, poll, StoreCodec.ZSTD);
    }

    /** The SQLite file {@link Settings#db()} names, checked for news every second. */
    public static StoreSettings defaults() {
        return new StoreSettings(null, DEFAULT_POLL);
    }

    /** What {@code Database.open} takes: the URL, or else the file's path. */
    public String location(Path db) {
        return url != null ? url : db.toString();
    }

    /** Where the store is, as a log line may show it: never a password. */
    public String shown(Path db) {
        return url != null ? PostgresUrl.withoutPassword(url) : db.toAbsolutePath().toString();
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + (url == null ? "none" : PostgresUrl.withoutPassword(url)) + ", poll=" + poll
                + ", codec=" + codec + "]";
    }
}
