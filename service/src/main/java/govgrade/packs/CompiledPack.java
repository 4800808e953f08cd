package govgrade.packs;

import govgrade.facts.DeclaredFigures;
import govgrade.rules.Criteria;
import org.kie.api.KieBase;

/**
 * A pack version ready to grade with: its rule base (shared, thread-safe), its criteria, and the
 * figures it declares (its 数据项 sheet), which a batch graded with it is checked against.
 */
public record CompiledPack(String id, String version, KieBase kieBase, Criteria criteria, int ruleCount,
                           PackSource source, DeclaredFigures figures) {

    /** A pack that declares no figures. */
    public CompiledPack(String id, String version, KieBase kieBase, Criteria criteria, int ruleCount,
                        PackSource source) {
        this(id, version, kieBase, criteria, ruleCount, source, DeclaredFigures.NONE);
    }
}
