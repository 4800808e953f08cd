package govgrade.factsheets;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A facts workbook that cannot be graded: each mistake at its sheet and cell. {@code overLimit}
 * as for a JSON batch: it holds more than a limit allows (too large rather than wrong).
 */
public class SheetRejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<CellViolation> violations;
    private final long more;
    private final boolean overLimit;

    public SheetRejected(List<CellViolation> violations, long more, boolean overLimit) {
        super(violations.stream().map(CellViolation::message).collect(Collectors.joining("; "))
                + (more > 0 ? "; and " + more + " more" : ""));
        this.violations = List.copyOf(violations);
        this.more = more;
        this.overLimit = overLimit;
    }

    public List<CellViolation> violations() {
        return violations;
    }

    public long more() {
        return more;
    }

    public boolean overLimit() {
        return overLimit;
    }
}
