package govgrade.grading;

import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.TestRuleBases;
import govgrade.packs.bounds.EvaluationFailed;
import govgrade.packs.catalog.PackHome;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Run by {@link OutOfMemoryTest} in a JVM of its own with a small heap: a rule that hoards memory
 * until the heap runs out, then an ordinary grading in the same JVM. Prints what happened, one
 * line each, for the test to read.
 */
public final class HeapExhaustion {
    private HeapExhaustion() {
    }

    public static void main(String[] args) throws Exception {
        CompiledPack luoshan = new PackHome(Fixtures.HOME).load("luoshan");
        Batch batch;
        try (InputStream in = Files.newInputStream(Fixtures.batch("luoshan"))) {
            batch = BatchReader.read(in, null);
        }
        CompiledPack hoards = TestRuleBases.replacingRules(luoshan, """
                rule "seed" when $a : NewMediaAccount() then insert( Problem.of( drools, $a, "X" ) ); end
                rule "hoards" when $p : Problem()
                then insert( Problem.of( drools, $p.getSubject(), "X" ).with( "ballast", new long[ 4_000_000 ] ) ); end
                """);
        try {
            Grading.grade(batch, hoards, "oom", Budgets.DEFAULTS);
            System.out.println("GRADED");
        } catch (EvaluationFailed e) {
            System.out.println("FAILED " + e.kind() + " " + e.rule());
        }
        int results = Grading.grade(batch, luoshan, "after", Budgets.DEFAULTS).results().size();
        System.out.println("ALIVE " + results);
    }
}
