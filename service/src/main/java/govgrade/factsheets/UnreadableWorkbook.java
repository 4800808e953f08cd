package govgrade.factsheets;

/** A file that is no .xlsx workbook, or one too large when unpacked: nothing in it was read. */
public class UnreadableWorkbook extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableWorkbook(String message) {
        super(message);
    }
}
