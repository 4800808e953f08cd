package govgrade.published;

import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackRejected;
import govgrade.packs.PackUnavailable;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.packs.catalog.CodeChangeRefused;
import govgrade.packs.catalog.PackCatalog;
import govgrade.packs.catalog.UploadRefused;
import govgrade.packs.catalog.VersionRefused;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * A draft with its review: changed files compiled over the active version, gated (it must grade
 * its fixtures, or it is refused) and stored as a draft, then compared with every published
 * circular of the pack, so whoever publishes it sees first which published figures it would
 * change. Changing a figure is a change of criteria, shown here, never a refusal.
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

    /** By a rule author: {@code uploads} is file name to bytes, each in place of the file it replaces. */
    public Reviewed draft(String pack, Map<String, byte[]> uploads, String by)
            throws UnknownPack, UnknownVersion, PackUnavailable, PackRejected, UploadRefused, CodeChangeRefused,
            VersionRefused, IOException, SQLException {
        return draft(pack, uploads, by, true);
    }

    /** {@code mayChangeCode} false: a criteria editor's draft, refused if it changes rule code. */
    public Reviewed draft(String pack, Map<String, byte[]> uploads, String by, boolean mayChangeCode)
            throws UnknownPack, UnknownVersion, PackUnavailable, PackRejected, UploadRefused, CodeChangeRefused,
            VersionRefused, IOException, SQLException {
        PackCatalog.Draft draft = catalog.draft(pack, uploads, by, mayChangeCode);
        // The gate graded the draft already; comparing with the circulars grades it once more, which is cheap
        // next to a compile and keeps the gate's one question (does it grade?) apart from the review's.
        CompiledPack active;
        try {
            active = catalog.active(pack);
        } catch (PackUnavailable e) {
            active = null; // nothing serves yet: the draft can only differ from the circulars, not change a grading
        }
        // The circulars the draft was gated with: its base version's, as the store keeps them, whatever this disk holds.
        return new Reviewed(draft, PackTests.run(catalog.version(pack, draft.version()),
                catalog.fixtures(pack, draft.version()), budgets, active));
    }
}
