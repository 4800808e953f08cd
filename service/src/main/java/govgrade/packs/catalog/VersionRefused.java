package govgrade.packs.catalog;

import govgrade.packs.PackError;
import java.util.List;

/** A version that compiles but does not grade its pack's tests: never activated, never published. */
public final class VersionRefused extends Exception {
    private final String pack;
    private final String version;
    private final List<PackError> errors;

    public VersionRefused(String pack, String version, List<PackError> errors) {
        super("version " + version + " of pack " + pack + " does not grade its pack tests: " + errors.size()
                + " error(s); first: " + (errors.isEmpty() ? "-" : errors.get(0).describe()));
        this.pack = pack;
        this.version = version;
        this.errors = List.copyOf(errors);
    }

    public String pack() {
        return pack;
    }

    public String version() {
        return version;
    }

    public List<PackError> errors() {
        return errors;
    }
}
