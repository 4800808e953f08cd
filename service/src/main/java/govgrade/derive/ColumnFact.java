package govgrade.derive;

import govgrade.facts.Cadence;
import java.math.BigDecimal;
import java.util.Set;

/** One website column of a unit, with the updates its cadence makes due in the period. */
public final class ColumnFact {
    private final String name;
    private final Cadence cadence;
    private final int updates;
    private final BigDecimal due;
    private final Set<String> findingCodes;

    ColumnFact(String name, Cadence cadence, int updates, BigDecimal due, Set<String> findingCodes) {
        this.name = name;
        this.cadence = cadence;
        this.updates = updates;
        this.due = due;
        this.findingCodes = Set.copyOf(findingCodes);
    }

    public String getName() {
        return name;
    }

    public Cadence getCadence() {
        return cadence;
    }

    public int getUpdates() {
        return updates;
    }

    public BigDecimal getDue() {
        return due;
    }

    public Set<String> getFindingCodes() {
        return findingCodes;
    }
}
