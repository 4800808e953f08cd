package govgrade.derive;

import govgrade.facts.Cadence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** One website column of a unit, with the updates its cadence makes due in the period. */
public final class ColumnFact {
    private final String name;
    private final Cadence cadence;
    private final int updates;
    private final BigDecimal due;
    private final Set<String> findingCodes;
    private final DeclaredValues declared;

    ColumnFact(String name, Cadence cadence, int updates, BigDecimal due, Set<String> findingCodes,
               Map<String, Object> figures) {
        this.name = name;
        this.cadence = cadence;
        this.updates = updates;
        this.due = due;
        this.findingCodes = Set.copyOf(findingCodes);
        this.declared = new DeclaredValues(figures, false);
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

    /** A declared count (计数) of this column, by its name on the pack's 数据项 sheet; null where the batch gives none. */
    public Integer count(String name) {
        return declared.count(name);
    }

    /** A declared number (数值), as a BigDecimal; null where the batch gives none. */
    public BigDecimal number(String name) {
        return declared.number(name);
    }

    /** A declared text (文本); null where the batch gives none. */
    public String text(String name) {
        return declared.text(name);
    }

    /** A declared date (日期); null where the batch gives none. */
    public LocalDate date(String name) {
        return declared.date(name);
    }

    /** A declared yes/no (是否); null where the batch gives none. */
    public Boolean yes(String name) {
        return declared.yes(name);
    }

    /**
     * A declared figure of any type, as the batch gives it (Integer, BigDecimal, String or Boolean;
     * a date as its YYYY-MM-DD string), for code that reads figures by a name it is given.
     */
    public Object declared(String name) {
        return declared.declared(name);
    }
}
