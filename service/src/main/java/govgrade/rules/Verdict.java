package govgrade.rules;

import govgrade.derive.Subject;
import org.kie.api.runtime.rule.RuleContext;

/** The grade a rule gave a subject. A pack's rules give each subject at most one. */
public final class Verdict extends Outcome<Verdict> {
    private final Grade grade;

    private Verdict(RuleContext drools, Subject subject, Grade grade) {
        super(drools, subject);
        this.grade = grade;
    }

    /** {@code grade} is a code such as {@code FAIL} or a default label such as {@code 不合格}. */
    public static Verdict of(RuleContext drools, Subject subject, String grade) {
        Grade g = Grade.lookup(grade);
        if (g == null) {
            throw new IllegalArgumentException("rule \"" + drools.getRule().getName() + "\" gives unknown grade \""
                    + grade + "\"; expected EXCELLENT, GOOD, PASS, FAIL or POOR");
        }
        return new Verdict(drools, subject, g);
    }

    public static Verdict of(RuleContext drools, Subject subject, Grade grade) {
        return new Verdict(drools, subject, grade);
    }

    @Override
    protected Verdict self() {
        return this;
    }

    public Grade getGrade() {
        return grade;
    }
}
