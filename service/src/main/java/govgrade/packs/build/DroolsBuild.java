package govgrade.packs.build;

import govgrade.packs.Budgets;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.bounds.Bounded;
import govgrade.packs.bounds.EvaluationFailed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * The Drools build of a pack's resources into one rule base. It leaves nothing behind in the
 * KIE repository: every build is a module of its own, removed as soon as its rule base exists.
 * It runs within the compile budget: a draft or a file dropped on disk must not hold the request
 * or the pack lock for as long as Drools takes over it (a huge table, a pathological expression).
 */
final class DroolsBuild {
    private static final AtomicLong BUILDS = new AtomicLong();

    private DroolsBuild() {
    }

    /** A rule base, or the error messages Drools gave instead (then the base is null). */
    record Outcome(KieBase base, List<Message> errors) {
    }

    /**
     * Builds {@code resources} (path in the build to content; the paths' folders match their
     * packages) within {@code budgets}' compile time, or refuses the pack when that runs out.
     */
    static Outcome run(String packId, String version, Map<String, byte[]> resources, Budgets budgets)
            throws PackRejected {
        try {
            return Bounded.run(packId, version, Bounded.Stage.BUILD, budgets, 0, watch -> run(packId, resources));
        } catch (EvaluationFailed e) {
            throw new PackRejected(packId, List.of(PackError.inFile(null, e.getMessage())));
        }
    }

    private static Outcome run(String packId, Map<String, byte[]> resources) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        resources.forEach(kfs::write);
        // A release per build: the same pack id is built again on every edit, and modules must not collide.
        ReleaseId rid = ks.newReleaseId("govgrade.packs", packId, "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(rid);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        try {
            if (!errors.isEmpty()) {
                return new Outcome(null, errors);
            }
            KieContainer container = ks.newKieContainer(rid);
            return new Outcome(container.getKieBase(), List.of());
        } finally {
            // The container is only a vehicle: the rule base outlives it, the repository must not pile up modules.
            ks.getRepository().removeKieModule(rid);
        }
    }
}
