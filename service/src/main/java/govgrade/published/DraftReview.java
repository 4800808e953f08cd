package govgrade.published;

import govgrade.packs.Budgets;
import govgrade.packs.PackRejected;
import govgrade.packs.PackUnavailable;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.packs.catalog.PackCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * A draft with its review: changed files compiled over the active version and stored as a draft,
 * then graded against every published circular of the pack, so whoever publishes it sees first
 * which published figures it would change.
 */
public final class DraftReview {
    private final PackCatalog catalog;
    private final Path fixtures;
    private final Budgets budgets;

    /**
     * {@code fixtures}: the folder of published circulars, one sub-folder per pack; {@code budgets}:
     * the bounds the draft's tests grade under, the service's own.
     */
    public DraftReview(PackCatalog catalog, Path fixtures, Budgets budgets) {
        this.catalog = catalog;
        this.fixtures = fixtures;
        this.budgets = budgets;
    }

    /** A stored draft and what its pack tests say. */
    public record Reviewed(PackCatalog.Draft draft, PackTests.Outcome tests) {
    }

    /** {@code uploads}: file name to bytes, .xlsx or .drl, each in place of the file of that name. */
    public Reviewed draft(String pack, Map<String, byte[]> uploads, String by)
            throws UnknownPack, UnknownVersion, PackUnavailable, PackRejected, IOException, SQLException {
        PackCatalog.Draft draft = catalog.draft(pack, uploads, by);
        return new Reviewed(draft, PackTests.run(catalog.version(pack, draft.version()), fixtures, budgets));
    }
}
