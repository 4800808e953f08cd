package govgrade.runs;

/**
 * A what-if naming another pack than its run's. Another county's criteria over this county's
 * batch grade nothing it names: every subject "changed" to no grade, which reads as a finding.
 */
public class OtherPack extends Exception {
    public OtherPack(String runId, String runPack, String named) {
        super("run " + runId + " was graded with pack " + runPack + "; a what-if regrades it under a version of "
                + runPack + ", not of " + named + " (leave pack out, or name " + runPack + ")");
    }
}
