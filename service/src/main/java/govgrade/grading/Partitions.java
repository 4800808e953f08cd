package govgrade.grading;

import govgrade.derive.NewMediaAccount;
import govgrade.derive.PeriodFact;
import govgrade.derive.Subject;
import govgrade.derive.UnitActivity;
import govgrade.derive.UnitColumns;
import govgrade.derive.UnitFact;
import govgrade.rules.Criteria;
import govgrade.rules.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Whether a pack's rules may be fired on parts of a batch in separate sessions, and the parts.
 * A part holds a unit with everything it owns (its accounts, activity and columns), so a rule
 * that follows a subject's reference to its unit stays inside one part. The split is sound when
 * no rule joins two facts of the batch: every rule matches at most one subject (or outcome) from
 * working memory, plus the facts every part holds (the criteria, the period), plus outcomes tied
 * to an already matched subject ({@code not Verdict( subject == $a )}). Facts reached with
 * {@code from} are the matched subject's own. Anything else (a second subject pattern, an
 * accumulate or collect over working memory) keeps the pack in one session: shangnan's
 * "units not listed" rule ({@code UnitFact} with {@code not UnitActivity( id == $u.id )}) does.
 */
final class Partitions {
    /** An outcome pattern that names the subject it is about: {@code subject == $x}. */
    private static final Pattern TIED = Pattern.compile("\\s*subject\\s*==\\s*\\$[\\w$]+\\s*");
    private static final Map<KieBase, Boolean> SOUND = Collections.synchronizedMap(new WeakHashMap<>());

    private Partitions() {
    }

    /** True when {@code kieBase}'s rules read each subject alone; worked out once per compiled base. */
    static boolean sound(KieBase kieBase) {
        return SOUND.computeIfAbsent(kieBase, Partitions::check);
    }

    private static boolean check(KieBase kieBase) {
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (!(r instanceof RuleImpl rule) || joins(rule.getLhs())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean joins(RuleConditionElement lhs) {
        int[] batchPatterns = {0};
        return !walk(lhs, batchPatterns) || batchPatterns[0] > 1;
    }

    /** False where the element cannot be judged (accumulate, collect, an unknown kind). */
    private static boolean walk(RuleConditionElement e, int[] batchPatterns) {
        if (e instanceof Accumulate || e instanceof Collect) {
            return false;
        }
        if (e instanceof org.drools.base.rule.Pattern p) {
            if (p.getSource() != null) {
                // Read with from: an expression over facts already matched, or something unjudged.
                return p.getSource() instanceof org.drools.base.rule.From;
            }
            if (!(p.getObjectType() instanceof ClassObjectType type)) {
                return false;
            }
            Class<?> c = type.getClassType();
            if (Criteria.class.isAssignableFrom(c) || PeriodFact.class.isAssignableFrom(c)) {
                return true;
            }
            if (Outcome.class.isAssignableFrom(c) && tied(p)) {
                return true;
            }
            batchPatterns[0]++;
            return true;
        }
        for (RuleConditionElement child : e.getNestedElements()) {
            if (!walk(child, batchPatterns)) {
                return false;
            }
        }
        return true;
    }

    private static boolean tied(org.drools.base.rule.Pattern p) {
        for (Constraint c : p.getConstraints()) {
            if (c instanceof MVELConstraint m && TIED.matcher(m.getExpression()).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code facts} split in {@code n} parts by unit, each part in batch order; facts that are not
     * subjects or units (the period) go into every part. Which part a unit lands in depends on its id only.
     */
    static List<List<Object>> split(List<Object> facts, int n) {
        List<List<Object>> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>(facts.size() / n + 16));
        }
        for (Object f : facts) {
            if (f instanceof Subject || f instanceof UnitFact) {
                parts.get(Math.floorMod(owner(f).hashCode(), n)).add(f);
            } else {
                for (List<Object> part : parts) {
                    part.add(f);
                }
            }
        }
        return parts;
    }

    /** The unit a fact belongs to (a unit is its own), or the subject itself where it has none. */
    private static String owner(Object f) {
        UnitFact unit = null;
        if (f instanceof UnitFact u) {
            unit = u;
        } else if (f instanceof NewMediaAccount a) {
            unit = a.getUnit();
        } else if (f instanceof UnitActivity a) {
            unit = a.getUnit();
        } else if (f instanceof UnitColumns c) {
            unit = c.getUnit();
        }
        if (unit != null) {
            return "unit " + unit.getId();
        }
        Subject s = (Subject) f;
        return s.getType() + " " + s.getId();
    }
}
