package govgrade.published;

import govgrade.facts.Violation;
import java.io.IOException;
import java.util.List;

/** Published figures that cannot be compared: every mistake with its JSON path, as a batch's are listed. */
public final class FiguresRejected extends IOException {
    private final transient List<Violation> violations;

    FiguresRejected(List<Violation> violations) {
        super(violations.size() + (violations.size() == 1 ? " mistake" : " mistakes") + ", the first "
                + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
