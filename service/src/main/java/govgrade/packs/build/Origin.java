package govgrade.packs.build;

import govgrade.packs.tables.RuleWorkbook;

/**
 * Where a resource handed to Drools came from: a DRL file of the pack, or one sheet of a workbook
 * with the DRL Drools generated from it (sheet, generated DRL and workbook are null for a DRL file).
 */
record Origin(String file, String sheet, String generatedDrl, RuleWorkbook workbook) {

    static Origin drl(String file) {
        return new Origin(file, null, null, null);
    }

    boolean isSheet() {
        return sheet != null;
    }
}
