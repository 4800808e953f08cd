package govgrade.factsheets;

import govgrade.facts.BatchRejected;
import java.util.List;

/**
 * A facts workbook read: the batch as the JSON a client would have posted (graded and stored as
 * such), and where each of its values came from, so a later refusal of the batch (the pack's
 * declared figures, checked once the pack is known) is put back at its cells.
 */
public final class FactsSheet {
    private final byte[] json;
    private final Places places;
    private final int listed;

    FactsSheet(byte[] json, Places places, int listed) {
        this.json = json;
        this.places = places;
        this.listed = listed;
    }

    /** The batch, as UTF-8 JSON. */
    public byte[] json() {
        return json.clone();
    }

    /** {@code e}, a refusal of {@link #json()}, with each violation at its sheet and cell. */
    public SheetRejected placed(BatchRejected e) {
        return places.rejection(List.of(), e, 0, listed);
    }
}
