package govgrade.packs.tables;

import org.drools.decisiontable.parser.DefaultRuleSheetListener;

/**
 * Drools' own rule listener for one sheet, made to keep its first exception instead of throwing
 * it: all sheets are read in one pass, and one broken sheet must neither stop the others nor
 * lose its own message.
 */
final class GuardedSheetListener extends DefaultRuleSheetListener {
    private RuntimeException failure;

    GuardedSheetListener(String sheet) {
        // The sheet's name goes into its rule names, so two sheets' RuleTables cannot collide.
        setWorksheetName(sheet);
    }

    @Override
    public void newRow(int rowNumber, int columns) {
        if (failure == null) {
            try {
                super.newRow(rowNumber, columns);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        if (failure == null) {
            try {
                super.newCell(row, column, value, mergedColStart);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    @Override
    public void finishSheet() {
        if (failure == null) {
            try {
                super.finishSheet();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    /** What Drools threw while reading the sheet, or null. */
    RuntimeException failure() {
        return failure;
    }

    /** Records a failure the parser itself met while in this sheet. */
    void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }
}
