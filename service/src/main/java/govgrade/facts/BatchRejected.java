package govgrade.facts;

import java.util.List;
import java.util.stream.Collectors;

/** A batch that cannot be graded, with every violation found. Nothing is graded or stored. */
public class BatchRejected extends Exception {
    private final List<Violation> violations;

    public BatchRejected(List<Violation> violations) {
        super(violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
