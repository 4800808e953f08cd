package govgrade.packs;

import govgrade.facts.FigurePlace;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * What a compiled pack's rules read, from the patterns of its rule base (DRL and decision tables
 * alike): accounts, units, columns, activity. The facts template leaves out the sheets a pack
 * never reads. Earlier periods are read through a subject's history, not a pattern of their
 * own, so they are not told apart here (the template always has their sheet). Where a rule matches a type that could be any of them, or the rule
 * base cannot be read, everything is said to be read: a sheet too many is harmless, one too few is not.
 */
public record FactsRead(Set<FigurePlace> places) {
    public static final FactsRead ALL = new FactsRead(EnumSet.allOf(FigurePlace.class));

    private static final Map<String, FigurePlace> PLACES = Map.of("NewMediaAccount", FigurePlace.ACCOUNT,
            "UnitActivity", FigurePlace.ACTIVITY, "UnitFact", FigurePlace.UNIT, "UnitColumns", FigurePlace.COLUMN,
            "ColumnFact", FigurePlace.COLUMN);
    /** Types a rule may match whatever the subject: a rule over them reads everything. */
    private static final Set<String> ANY = Set.of("Subject", "Object");

    public static FactsRead of(CompiledPack pack) {
        Set<FigurePlace> places = EnumSet.noneOf(FigurePlace.class);
        try {
            for (KiePackage p : pack.kieBase().getKiePackages()) {
                for (Rule r : p.getRules()) {
                    if (!(r instanceof RuleImpl impl)) {
                        return ALL;
                    }
                    if (!walk(impl.getLhs(), places)) {
                        return ALL;
                    }
                }
            }
        } catch (RuntimeException e) {
            return ALL;
        }
        pack.figures().all().forEach(d -> places.add(d.place()));
        places.add(FigurePlace.UNIT); // the others name their units
        return new FactsRead(places);
    }

    /** False where a pattern matches a type that could be anything. */
    private static boolean walk(RuleConditionElement e, Set<FigurePlace> places) {
        if (e instanceof Pattern p) {
            if (p.getObjectType() instanceof ClassObjectType c) {
                String simple = c.getClassName().substring(c.getClassName().lastIndexOf('.') + 1);
                if (ANY.contains(simple)) {
                    return false;
                }
                FigurePlace place = PLACES.get(simple);
                if (place != null) {
                    places.add(place);
                }
            }
            if (p.getSource() != null && !walk(p.getSource(), places)) {
                return false;
            }
        }
        for (RuleConditionElement nested : e.getNestedElements()) {
            if (nested != e && !walk(nested, places)) {
                return false;
            }
        }
        return true;
    }
}
