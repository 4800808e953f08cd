package govgrade.facts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A batch that cannot be graded, with the violations found (the first few hundred at most) and a
 * count of those not listed. Nothing is graded or stored.
 */
public class BatchRejected extends Exception {
    private final List<Violation> violations;
    private final long more;
    private final boolean overLimit;

    public BatchRejected(List<Violation> violations) {
        this(violations, 0, false);
    }

    BatchRejected(List<Violation> violations, long more, boolean overLimit) {
        super(violations.stream().map(Violation::message).collect(Collectors.joining("; "))
                + (more > 0 ? "; and " + more + " more" : ""));
        this.violations = List.copyOf(violations);
        this.more = more;
        this.overLimit = overLimit;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Violations found beyond those listed (the list is capped by {@link BatchLimits#errorsListed()}). */
    public long more() {
        return more;
    }

    /** True when the batch breaks a limit of {@link BatchLimits}: too large rather than wrong. */
    public boolean overLimit() {
        return overLimit;
    }
}
