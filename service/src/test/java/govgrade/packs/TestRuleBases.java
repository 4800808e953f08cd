package govgrade.packs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Rule bases made in a test from DRL text, with no pack files and no checks of the pack build in
 * between: the lowest way to run rules a real pack may not contain (see {@link Hostile}).
 */
public final class TestRuleBases {
    /** The head of a test DRL: the fact model, the rule vocabulary and the hostile helpers. */
    public static final String HEAD = "package govgrade.packs.hostile;\n"
            + "import govgrade.derive.*;\nimport govgrade.rules.*;\nimport govgrade.packs.Hostile;\n\n";

    private TestRuleBases() {
    }

    /** {@code rules} after {@link #HEAD}, compiled; fails the test if Drools refuses them. */
    public static KieBase of(String rules) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.write("src/main/resources/govgrade/packs/hostile/hostile.drl", (HEAD + rules).getBytes(StandardCharsets.UTF_8));
        ReleaseId rid = ks.newReleaseId("govgrade.test", "hostile", "1.0." + UUID.randomUUID());
        kfs.generateAndWritePomXML(rid);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new AssertionError("test rules do not compile: " + errors);
        }
        try {
            return ks.newKieContainer(rid).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(rid);
        }
    }

    /**
     * {@code pack} (a bundled pack, for its criteria and id) with its rules replaced by
     * {@code rules}, as a version of its own: versions are what stuck workers are counted by.
     */
    public static CompiledPack replacingRules(CompiledPack pack, String rules) {
        return new CompiledPack(pack.id(), "test-" + UUID.randomUUID(), of(rules), pack.criteria(), 1, pack.source());
    }
}
