package govgrade.rules;

import govgrade.derive.DateSpan;
import govgrade.derive.Subject;
import org.kie.api.runtime.rule.RuleContext;

/** A named problem of a subject; its wording comes from the pack's problem table. */
public final class Problem extends Outcome<Problem> {
    private final String code;
    private DateSpan span;

    private Problem(RuleContext drools, Subject subject, String code) {
        super(drools, subject);
        this.code = code;
    }

    public static Problem of(RuleContext drools, Subject subject, String code) {
        return new Problem(drools, subject, code).with("problem", code);
    }

    /** The days a problem is about, printed where the wording has {from} and {to}. */
    public Problem span(DateSpan s) {
        this.span = s;
        return with("from", s.getFrom()).with("to", s.getTo()).with("days", s.getDays());
    }

    @Override
    protected Problem self() {
        return this;
    }

    public String getCode() {
        return code;
    }

    public DateSpan getSpan() {
        return span;
    }
}
