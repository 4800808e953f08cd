package govgrade.rules;

import org.kie.api.runtime.rule.RuleContext;

/**
 * One value a policy officer set in a decision table. Each row of a criteria table is a rule
 * whose NAME cell is the key and whose action inserts one of these; the pack compiler collects
 * them once per version into {@link Criteria}.
 */
public final class Criterion {

    /** What the value means, and so how it is checked. */
    public enum Kind {
        NUMBER, SETTING, GRADE_LABEL, PROBLEM_LABEL, PROBLEM_GRADE
    }

    private final Kind kind;
    private final String key;
    private final String value;

    public Criterion(Kind kind, String key, String value) {
        this.kind = kind;
        this.key = key;
        this.value = value == null ? "" : value.trim();
    }

    public static Criterion number(RuleContext drools, String value) {
        return new Criterion(Kind.NUMBER, drools.getRule().getName(), value);
    }

    public static Criterion setting(RuleContext drools, String value) {
        return new Criterion(Kind.SETTING, drools.getRule().getName(), value);
    }

    public static Criterion gradeLabel(RuleContext drools, String value) {
        return new Criterion(Kind.GRADE_LABEL, drools.getRule().getName(), value);
    }

    public static Criterion problemLabel(RuleContext drools, String value) {
        return new Criterion(Kind.PROBLEM_LABEL, drools.getRule().getName(), value);
    }

    public static Criterion problemGrade(RuleContext drools, String value) {
        return new Criterion(Kind.PROBLEM_GRADE, drools.getRule().getName(), value);
    }

    public Kind getKind() {
        return kind;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    @Override
    public String toString() {
        return kind + " " + key + "=" + value;
    }
}
