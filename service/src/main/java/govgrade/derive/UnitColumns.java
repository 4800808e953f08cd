package govgrade.derive;

import govgrade.facts.Channel;
import govgrade.facts.Group;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The website columns a unit is responsible for, summed: actual updates against updates due. */
public final class UnitColumns implements Subject {
    private final UnitFact unit;
    private final List<ColumnFact> columns;
    private final int updates;
    private final BigDecimal due;
    private final Set<String> columnFindingCodes;
    private final FigureReads reads = new FigureReads();
    private History history = History.none();

    UnitColumns(UnitFact unit, List<ColumnFact> columns) {
        this.unit = unit;
        this.columns = List.copyOf(columns);
        int u = 0;
        BigDecimal d = BigDecimal.ZERO;
        Set<String> codes = new HashSet<>();
        for (ColumnFact c : columns) {
            u += c.getUpdates();
            d = d.add(c.getDue());
            codes.addAll(c.getFindingCodes());
        }
        this.updates = u;
        this.due = d.setScale(4, RoundingMode.HALF_UP);
        this.columnFindingCodes = Set.copyOf(codes);
    }

    @Override
    public String getType() {
        return "unit";
    }

    @Override
    public String getId() {
        return unit.getId();
    }

    @Override
    public String getName() {
        return unit.getName();
    }

    @Override
    public Channel getChannel() {
        return Channel.COLUMNS;
    }

    @Override
    public Group getGroup() {
        return unit.getGroup();
    }

    @Override
    public String getRegion() {
        return unit.getRegion();
    }

    public UnitFact getUnit() {
        return unit;
    }

    public List<ColumnFact> getColumns() {
        return columns;
    }

    /** Updates made across the unit's columns in the period. */
    public int getUpdates() {
        return reads.read(Figure.UPDATES, updates);
    }

    /** Updates due across the unit's columns in the period (cadence prorated to the period). */
    public BigDecimal getDue() {
        return reads.read(Figure.DUE, due);
    }

    /** Updates made beyond those due; negative when the unit fell short. */
    public BigDecimal getExcess() {
        return BigDecimal.valueOf(updates).subtract(due);
    }

    /** Finding codes on the unit's columns only. */
    public Set<String> getColumnFindingCodes() {
        return columnFindingCodes;
    }

    public boolean hasColumnFinding(String code) {
        return columnFindingCodes.contains(code);
    }

    public boolean unitHasFinding(String code) {
        return unit.hasFinding(code);
    }

    /** This subject's earlier periods; see {@link History}. */
    @Override
    public History getHistory() {
        return history;
    }

    void attach(History h) {
        history = h;
    }

    @Override
    public boolean wasRead(Figure f) {
        return reads.has(f);
    }

    @Override
    public Object figure(Figure f) {
        return switch (f) {
            case UPDATES -> updates;
            case DUE -> due;
            default -> null;
        };
    }
}
