package govgrade.packs;

import java.util.List;

/** A pack id with no folder under rules-drl/ or decision-tables/. */
public class UnknownPack extends Exception {
    public UnknownPack(String pack, List<String> known) {
        super("unknown pack \"" + pack + "\"; installed packs: " + String.join(", ", known));
    }
}
