package govgrade.packs.catalog;

/** An uploaded file that cannot be a pack file (its name or its kind), refused before anything compiles. */
public final class UploadRefused extends Exception {
    private final String fileName;

    public UploadRefused(String fileName, String message) {
        super(message);
        this.fileName = fileName;
    }

    /** The file name as uploaded. */
    public String fileName() {
        return fileName;
    }
}
