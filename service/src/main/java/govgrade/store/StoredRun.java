package govgrade.store;

/** A stored run: which batch was graded under which pack version, and the response as returned. */
public record StoredRun(String id, String pack, String version, String createdAt, byte[] batch, byte[] result) {
}
