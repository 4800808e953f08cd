package govgrade.packs;

/** A version id no stored version of the pack has. */
public class UnknownVersion extends Exception {
    public UnknownVersion(String pack, String version) {
        super("pack " + pack + " has no version " + version + "; GET /api/v1/packs/" + pack + "/versions lists them");
    }
}
