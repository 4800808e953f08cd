package govgrade.derive;

import govgrade.facts.Group;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** A unit as rules see it, with the finding codes of everything it published in the period. */
public final class UnitFact {
    private final String id;
    private final String name;
    private final Group group;
    private final String region;
    private final Set<String> findingCodes;
    private final DeclaredValues declared;

    UnitFact(String id, String name, Group group, String region, Set<String> findingCodes,
             Map<String, Object> figures) {
        this.id = id;
        this.name = name;
        this.group = group;
        this.region = region;
        this.findingCodes = Set.copyOf(findingCodes);
        this.declared = new DeclaredValues(figures, false);
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

    /** A declared count (计数) of this unit, by its name on the pack's 数据项 sheet; null where the batch gives none. */
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
