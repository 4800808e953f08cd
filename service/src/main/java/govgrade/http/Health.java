package govgrade.http;

import govgrade.packs.catalog.PackCatalog;
import govgrade.runs.RunService;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /api/v1/health: what is wrong, not only whether the process answers. A pack whose files are
 * refused makes the service "degraded", still 200: a load balancer should keep routing to an
 * instance whose other packs grade (and the refused pack's last good version, if any, still
 * serves). Only a store that cannot be read is 503 "failing": then nothing can be stored or read.
 */
final class Health {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);

    private final PackCatalog catalog;
    private final RunService runs;

    Health(PackCatalog catalog, RunService runs) {
        this.catalog = catalog;
        this.runs = runs;
    }

    void answer(Context ctx) throws Exception {
        Map<String, Object> versions = new LinkedHashMap<>();
        Map<String, Object> states = new LinkedHashMap<>();
        boolean refused = false;
        boolean unread = false;
        for (String id : catalog.ids()) {
            try {
                String version = catalog.activeVersion(id).orElse(null);
                int errors = catalog.diskErrors(id).size();
                versions.put(id, version);
                // No version and no errors: still compiling at start, which is not a fault.
                String state = errors > 0 ? "refused" : version == null ? "starting" : "ok";
                refused |= errors > 0;
                states.put(id, new PackState(state, version, errors));
            } catch (RuntimeException e) {
                // Its sync failed on the store: the store's fault, answered as such below.
                LOG.warn("health: pack {} cannot be read: {}", id, e.toString());
                versions.put(id, null);
                states.put(id, new PackState("failing", null, 0));
                unread = true;
            }
        }
        boolean storeOk = store() && !unread;
        Answer body = new Answer(!storeOk ? "failing" : refused ? "degraded" : "ok", versions, states,
                storeOk ? "ok" : "failing");
        Responses.json(ctx, storeOk ? 200 : 503, body);
    }

    private boolean store() {
        try {
            runs.storeAnswers();
            return true;
        } catch (Exception e) {
            LOG.warn("health: the store does not answer: {}", e.toString());
            return false;
        }
    }

    /**
     * A pack's state: ok, refused (its files on disk do not compile; errorCount of them), starting,
     * or failing (its state cannot be read from the store).
     */
    record PackState(String state, String version, int errorCount) {
    }

    /** The answer, a record so the document's Health schema is held to it (RecordsMatchDocumentTest). */
    record Answer(String status, Map<String, Object> packs, Map<String, Object> packStates, String store) {
    }
}
