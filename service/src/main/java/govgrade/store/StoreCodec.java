package govgrade.store;

import java.util.Locale;

/**
 * What the store writes new batches, results and what-if answers in. Either is read back whatever
 * this says: the choice exists for an upgrade one instance at a time, when instances of a release
 * before zstd (which read gzip only) share a PostgreSQL store with upgraded ones.
 */
public enum StoreCodec {
    /** zstd level 1: a third of gzip's CPU per row; unreadable by releases before it. */
    ZSTD,
    /** gzip level 3, as every release before zstd wrote and reads. */
    GZIP;

    /** {@code zstd} or {@code gzip}, as the option is written. */
    public static StoreCodec of(String name) {
        for (StoreCodec c : values()) {
            if (c.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("store codec: \"" + name + "\" is not zstd or gzip");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
