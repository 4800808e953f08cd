package govgrade.rules;

import govgrade.derive.Subject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Something a rule decided about a subject, with the rule's name and the fact values it read:
 * the "because" of a result. Rules insert outcomes; they never change their inputs.
 */
public abstract class Outcome<T extends Outcome<T>> {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Subject subject;
    private final String rule;
    private final long sequence = SEQUENCE.incrementAndGet();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    protected Outcome(RuleContext drools, Subject subject) {
        this.subject = subject;
        this.rule = drools == null ? "" : drools.getRule().getName();
    }

    protected abstract T self();

    /** Records a fact value the rule read, for the explanation. */
    public T with(String name, Object value) {
        facts.put(name, value);
        return self();
    }

    /**
     * Records the scoring table {@code table} of {@code criteria} the rule used, under its name:
     * its kind, what it holds and, for a 加权 or 比率 sheet, the subject's figures it read.
     */
    public T using(Criteria criteria, String table) {
        return with(table, criteria.scoring().describe(table, subject));
    }

    public Subject getSubject() {
        return subject;
    }

    public String getRule() {
        return rule;
    }

    /** Insertion order across the process; orders outcomes that came from one session. */
    public long getSequence() {
        return sequence;
    }

    public Map<String, Object> getFacts() {
        return Collections.unmodifiableMap(facts);
    }
}
