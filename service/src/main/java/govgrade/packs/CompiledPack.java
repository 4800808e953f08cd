package govgrade.packs;

import govgrade.rules.Criteria;
import org.kie.api.KieBase;

/** A pack version ready to grade with: its rule base (shared, thread-safe) and its criteria. */
public record CompiledPack(String id, String version, KieBase kieBase, Criteria criteria, int ruleCount,
                           PackSource source) {
}
