package govgrade.runs;

/** A what-if id nothing was stored under. */
public class UnknownWhatIf extends Exception {
    public UnknownWhatIf(String id) {
        super("no what-if " + id);
    }
}
