package govgrade.rules;

import govgrade.derive.Subject;
import java.math.BigDecimal;
import org.kie.api.runtime.rule.RuleContext;

/** A subject's score, computed by a rule from the pack's weights. */
public final class Score extends Outcome<Score> {
    private final BigDecimal value;

    private Score(RuleContext drools, Subject subject, BigDecimal value) {
        super(drools, subject);
        this.value = value;
    }

    public static Score of(RuleContext drools, Subject subject, BigDecimal value) {
        return new Score(drools, subject, value).with("score", value);
    }

    @Override
    protected Score self() {
        return this;
    }

    public BigDecimal getValue() {
        return value;
    }
}
