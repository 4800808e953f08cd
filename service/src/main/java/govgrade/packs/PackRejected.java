package govgrade.packs;

import java.util.List;

/** A pack that did not compile, with every error and its place. The last good version stays. */
public class PackRejected extends Exception {
    private final String pack;
    private final List<PackError> errors;

    public PackRejected(String pack, List<PackError> errors) {
        super("pack " + pack + " does not compile: " + errors.size() + " error(s); first: "
                + (errors.isEmpty() ? "-" : errors.get(0).describe()));
        this.pack = pack;
        this.errors = List.copyOf(errors);
    }

    public String pack() {
        return pack;
    }

    public List<PackError> errors() {
        return errors;
    }
}
