package govgrade.packs.build;

import govgrade.facts.DeclaredFigures;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.PackSource;
import govgrade.packs.RuleLibrary;
import govgrade.rules.Criteria;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;

/**
 * Compiles a pack's DRL files and decision tables into one rule base, or refuses it with every
 * error at its place. The steps, each its own class: the layout of the files for Drools and the
 * table checks ({@link PackLayout}), the check of what the rule code names ({@link RuleCodeCheck}),
 * the Drools build ({@link DroolsBuild}), its messages put back
 * at file, line, sheet and cell ({@link MessagePlacer}), the criteria the tables set
 * ({@link CriteriaCollector}) and the names the DRL needs from them ({@link ReferenceCheck}).
 */
public final class PackBuilder {
    /** The agenda group of the criteria tables' rows (set by RULEFLOW-GROUP in each RuleSet, which Drools 10 treats as an agenda group). */
    public static final String CRITERIA_GROUP = "criteria";

    private PackBuilder() {
    }

    /** Under the default {@link Budgets}. */
    public static CompiledPack build(PackSource src) throws PackRejected {
        return build(src, Budgets.DEFAULTS);
    }

    /** The Drools build and the criteria collection each run within {@code budgets}' compile time. */
    public static CompiledPack build(PackSource src, Budgets budgets) throws PackRejected {
        if (src.isEmpty()) {
            throw new PackRejected(src.id(), List.of(PackError.inFile(PackSource.DRL_DIR + "/" + src.id(),
                    "the pack has no .drl or .xlsx files")));
        }
        PackLayout layout = PackLayout.of(src.files());
        List<PackError> errors = new ArrayList<>(RuleLibrary.unknownIncludes(src.files()));
        errors.addAll(layout.errors());
        // Before Drools compiles anything: a refused name must never reach a compiler, let alone a session.
        List<PackError> refused = RuleCodeCheck.check(layout.resources(), layout.origins());
        if (!refused.isEmpty()) {
            errors.addAll(refused);
            throw new PackRejected(src.id(), errors);
        }
        // Built even when the tables failed their checks: the DRL files' own errors are said in the same answer.
        DroolsBuild.Outcome built = DroolsBuild.run(src.id(), src.version(), layout.resources(), budgets);
        errors.addAll(MessagePlacer.place(built.errors(), layout.origins()));
        if (!errors.isEmpty()) {
            throw new PackRejected(src.id(), errors);
        }
        KieBase base = built.base();
        SheetValues sheets = SheetValues.read(layout.workbooks().values());
        CriteriaCollector.Collected collected = CriteriaCollector.collect(src.id(), src.version(), base, sheets, budgets);
        errors.addAll(collected.errors());
        DeclaredFigures figures = sheets.figures();
        if (collected.criteria() != null) {
            errors.addAll(ReferenceCheck.check(src, collected.criteria(), figures));
        }
        if (!errors.isEmpty()) {
            throw new PackRejected(src.id(), errors);
        }
        return assembled(src, base, collected.criteria(), figures);
    }

    /** The compiled rule base as bytes, with the workbook's values beside it, for {@link #restore} in a later process. */
    public static byte[] stored(CompiledPack pack) throws IOException {
        return StoredRuleBase.write(pack.kieBase(), SheetValues.of(pack));
    }

    /**
     * The pack {@code src} compiled to {@code stored} earlier ({@link #stored}), without Drools'
     * compiler and without reading the workbook: the criteria are read from the rule base again, as
     * after a build, with the workbook's values stored beside it. Only for bytes this service wrote
     * from the same files; the caller checks that, and compiles on any exception.
     */
    public static CompiledPack restore(PackSource src, byte[] stored, Budgets budgets) throws IOException {
        StoredRuleBase.Read read = StoredRuleBase.read(stored);
        CriteriaCollector.Collected collected = CriteriaCollector.collect(src.id(), src.version(), read.base(),
                read.sheets(), budgets);
        if (!collected.errors().isEmpty() || collected.criteria() == null) {
            throw new IOException("the stored rule base does not give the pack's criteria: " + collected.errors());
        }
        return assembled(src, read.base(), collected.criteria(), read.sheets().figures());
    }

    private static CompiledPack assembled(PackSource src, KieBase base, Criteria criteria, DeclaredFigures figures) {
        int rules = base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        return new CompiledPack(src.id(), src.version(), base, criteria, rules, src, figures);
    }
}
