package govgrade.derive;

import govgrade.facts.Group;
import java.util.Set;

/** A unit as rules see it, with the finding codes of everything it published in the period. */
public final class UnitFact {
    private final String id;
    private final String name;
    private final Group group;
    private final String region;
    private final Set<String> findingCodes;

    UnitFact(String id, String name, Group group, String region, Set<String> findingCodes) {
        this.id = id;
        this.name = name;
        this.group = group;
        this.region = region;
        this.findingCodes = Set.copyOf(findingCodes);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Group getGroup() {
        return group;
    }

    public String getRegion() {
        return region;
    }

    /** Codes found on the unit itself, its columns, its activity and its accounts. */
    public Set<String> getFindingCodes() {
        return findingCodes;
    }

    public boolean hasFinding(String code) {
        return findingCodes.contains(code);
    }
}
