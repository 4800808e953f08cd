package govgrade;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape of the house, read from the compiled classes of the product (tests left out): imports
 * run one way, the store stands on nothing, HTTP knows no Drools, nothing knows the benchmarks.
 * Anyone can run it alone: {@code mvn -B -q -pl service test -Dtest=ArchitectureTest}.
 */
class ArchitectureTest {

    /**
     * Lowest first; a package may import its own rank and those below it, never one above.
     * runs and published share a rank: both read graded runs, neither builds on the other.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("facts"),
            List.of("factsheets"),
            List.of("derive"),
            List.of("rules"),
            List.of("packs"),
            List.of("grading"),
            List.of("runs", "published"),
            List.of("report"),
            List.of("jobs"),
            List.of("http"),
            List.of("app"),
            List.of("cli"));

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("govgrade");
        // A rule over no classes passes: make sure the product was found.
        assertTrue(product.size() > 50, "product classes imported: " + product.size());
    }

    @Test
    void theRulesSeeTheImports() {
        // derive computes from facts: a rule forbidding that must fail, or the rules below check nothing.
        ArchRule wrong = noClasses().that().resideInAPackage("govgrade.derive..")
                .should().dependOnClassesThat().resideInAPackage("govgrade.facts..");
        assertThrows(AssertionError.class, () -> wrong.check(product));
    }

    @Test
    void noTopLevelPackageImportsOneThatImportsItBack() {
        slices().matching("govgrade.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void thePackSubpackagesHaveNoCycles() {
        slices().matching("govgrade.packs.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void theStoreImportsNothingOfGovgrade() {
        noClasses().that().resideInAPackage("govgrade.store..")
                .should().dependOnClassesThat(resideInAPackage("govgrade..")
                        .and(resideOutsideOfPackage("govgrade.store..")))
                .check(product);
    }

    /** Every layer but the top one, named as its packages. */
    static List<String> lowerLayers() {
        return LAYERS.subList(0, LAYERS.size() - 1).stream().map(l -> String.join("/", l)).toList();
    }

    @ParameterizedTest(name = "{0} imports no layer above it")
    @MethodSource("lowerLayers")
    void aLowerLayerNeverImportsAHigherOne(String layer) {
        int rank = lowerLayers().indexOf(layer);
        List<String> higher = new ArrayList<>();
        for (List<String> above : LAYERS.subList(rank + 1, LAYERS.size())) {
            above.forEach(p -> higher.add("govgrade." + p + ".."));
        }
        String[] own = LAYERS.get(rank).stream().map(p -> "govgrade." + p + "..").toArray(String[]::new);
        ArchRule rule = noClasses().that().resideInAnyPackage(own)
                .should().dependOnClassesThat().resideInAnyPackage(higher.toArray(String[]::new))
                .because("imports run " + String.join(" -> ", lowerLayers()) + " -> cli");
        rule.check(product);
    }

    @Test
    void javalinStaysInHttpAppAndCli() {
        noClasses().that().resideOutsideOfPackages("govgrade.http..", "govgrade.app..", "govgrade.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(product);
    }

    @Test
    void httpKnowsNoDrools() {
        noClasses().that().resideInAPackage("govgrade.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(product);
    }

    @Test
    void nothingOfTheProductImportsTheBench() {
        noClasses().that().resideInAPackage("govgrade..")
                .should().dependOnClassesThat().resideInAPackage("govgrade.bench..")
                .check(product);
    }

    @Test
    void theProductHoldsNoBenchClass() {
        noClasses().should().resideInAPackage("govgrade.bench..")
                .allowEmptyShould(true)
                .check(product);
    }
}
