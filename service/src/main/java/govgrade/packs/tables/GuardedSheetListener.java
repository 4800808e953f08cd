package govgrade.packs.tables;

import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.parser.DecisionTableParseException;

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
        if (pastLimit(rowNumber)) {
            return;
        }
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
        if (pastLimit(row) && value != null && !value.isBlank()) {
            fail(new DecisionTableParseException("the sheet has text in row " + (row + 1) + ", past the limit of "
                    + RuleWorkbook.MAX_ROWS + " rows a decision table sheet may have"));
        }
        if (pastLimit(row)) {
            return;
        }
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

    /** Rows past the limit never reach Drools: a huge table is refused, not turned into rules first. */
    private static boolean pastLimit(int row) {
        return row >= RuleWorkbook.MAX_ROWS;
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
