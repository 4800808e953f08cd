package govgrade.packs;

/** A pack that exists but has never compiled, so there is no version to grade with. */
public class PackUnavailable extends Exception {
    public PackUnavailable(String pack) {
        super("pack " + pack + " has no working version: its files do not compile (GET /api/v1/packs/" + pack
                + " lists the errors)");
    }
}
