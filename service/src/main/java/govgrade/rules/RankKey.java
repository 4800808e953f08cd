package govgrade.rules;

import govgrade.derive.Subject;
import java.math.BigDecimal;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The value a subject is ranked by within its group and channel, higher first. A subject with
 * no rank key is listed unranked.
 */
public final class RankKey extends Outcome<RankKey> {
    private final BigDecimal value;

    private RankKey(RuleContext drools, Subject subject, BigDecimal value) {
        super(drools, subject);
        this.value = value;
    }

    public static RankKey of(RuleContext drools, Subject subject, Number value) {
        BigDecimal v = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return new RankKey(drools, subject, v).with("rankedBy", v);
    }

    @Override
    protected RankKey self() {
        return this;
    }

    public BigDecimal getValue() {
        return value;
    }
}
