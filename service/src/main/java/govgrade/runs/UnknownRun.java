package govgrade.runs;

/** A run id nothing was stored under. */
public class UnknownRun extends Exception {
    public UnknownRun(String id) {
        super("no run " + id);
    }
}
