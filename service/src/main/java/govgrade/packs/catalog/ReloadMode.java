package govgrade.packs.catalog;

import java.util.Locale;

/** What a change to a pack's files on disk does once it passes every check. */
public enum ReloadMode {
    /** It becomes the active version at once. */
    DIRECT,
    /** It is stored as a version awaiting publish; the active version stays until someone publishes it. */
    REVIEW;

    /** {@code direct} or {@code review}, as the option is written. */
    public static ReloadMode of(String name) {
        for (ReloadMode m : values()) {
            if (m.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("reload: \"" + name + "\" is not direct or review");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
