package govgrade.factsheets;

import org.apache.poi.ss.util.CellReference;

/** A cell of a facts workbook: sheet, row as Excel shows it (1-based), column as a letter. */
record Place(String sheet, int row, String column) {
    static Place of(String sheet, int rowIndex, int columnIndex) {
        return new Place(sheet, rowIndex + 1, CellReference.convertNumToColString(columnIndex));
    }

    String a1() {
        return sheet + "!" + column + row;
    }
}
