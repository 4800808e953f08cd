package govgrade.runs;

import govgrade.facts.BatchRejected;
import govgrade.facts.Violation;
import java.util.List;

/**
 * A stored run whose batch the service no longer takes: it was graded under looser checks or
 * raised limits than the service runs with now. Neither the client's mistake nor the service's
 * failure: the run stays readable, but it cannot be regraded until the limits allow it again.
 */
public class StoredBatchInvalid extends Exception {
    private final transient List<Violation> violations;

    public StoredBatchInvalid(String runId, BatchRejected cause) {
        super("the stored batch of run " + runId + " no longer meets the service's checks or limits, so it cannot "
                + "be regraded: " + cause.getMessage(), cause);
        this.violations = cause.violations();
    }

    public List<Violation> violations() {
        return violations;
    }
}
