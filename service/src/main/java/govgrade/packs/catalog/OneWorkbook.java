package govgrade.packs.catalog;

import govgrade.packs.PackError;
import govgrade.packs.PackSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A pack has one workbook. Two (a copy saved beside the original, an old .xls next to the .xlsx)
 * would both be compiled, their rules defined twice and their criteria colliding, so the pack is
 * refused with the files named instead.
 */
final class OneWorkbook {
    private OneWorkbook() {
    }

    static List<PackError> check(PackSource src) {
        List<String> workbooks = src.files().keySet().stream().filter(PackSource::isWorkbook).toList();
        List<PackError> errors = new ArrayList<>();
        for (String extra : workbooks.subList(Math.min(1, workbooks.size()), workbooks.size())) {
            errors.add(PackError.inFile(extra, "pack " + src.id() + " has " + workbooks.size() + " workbooks "
                    + workbooks + "; a pack has one workbook, so none is compiled: remove or rename the copies"
                    + (extra.toLowerCase().endsWith(".xls") ? " (an .xls beside the .xlsx is an old copy)" : "")
                    + " until one .xlsx is left"));
        }
        return errors;
    }
}
