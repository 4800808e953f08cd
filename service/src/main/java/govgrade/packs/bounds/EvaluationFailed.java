package govgrade.packs.bounds;

/**
 * A pack's rules failed to finish an evaluation within its bounds, or threw: no partial result
 * exists. Unchecked, because every caller passes it up to the boundary that answers it (an HTTP
 * error, a CLI exit), and none can do anything else with it. The message is for people; the
 * fields are what an answer carries beside it.
 */
public final class EvaluationFailed extends RuntimeException {
    /** What stopped the evaluation. */
    public enum Kind {
        /** More rule firings than the limit: a rule that feeds itself. */
        FIRINGS,
        /** The wall-clock budget ran out. */
        TIMEOUT,
        /** Workers of this version never stopped; the version is refused without trying. */
        STUCK,
        /** The heap ran out while the rules ran; the session was dropped. */
        MEMORY,
        /** A rule threw (a value a rule cannot use, a failing expression) or recursed without end. */
        FAILED
    }

    private final Kind kind;
    private final String pack;
    private final String version;
    private final String rule;
    private final String limit;
    private final String flag;

    EvaluationFailed(Kind kind, String pack, String version, String rule, String limit, String flag, String message,
                     Throwable cause) {
        super(message, cause, true, false);
        this.kind = kind;
        this.pack = pack;
        this.version = version;
        this.rule = rule;
        this.limit = limit;
        this.flag = flag;
    }

    public Kind kind() {
        return kind;
    }

    public String pack() {
        return pack;
    }

    public String version() {
        return version;
    }

    /** The rule that fired most, was running, or threw; null when none is known. */
    public String rule() {
        return rule;
    }

    /** The bound that was hit, as people read it ("10,050 firings", "30 s"); null when none was. */
    public String limit() {
        return limit;
    }

    /** The serve option that raises that bound; null when none does. */
    public String flag() {
        return flag;
    }

    /** Whether trying again later may succeed (time and stuck workers), as opposed to a pack that fails. */
    public boolean transientFailure() {
        return kind == Kind.TIMEOUT || kind == Kind.STUCK;
    }
}
