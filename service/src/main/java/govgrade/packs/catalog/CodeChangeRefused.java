package govgrade.packs.catalog;

import govgrade.packs.PackError;

/**
 * A change to rule code (a DRL file, or a workbook cell that is not a value) asked for by someone
 * who may change values only. Nothing is stored; {@link #where()} is the first code that differs.
 */
public final class CodeChangeRefused extends Exception {
    private final PackError where;

    public CodeChangeRefused(String pack, PackError where) {
        super("this changes the rule code of pack " + pack + ", which only a rule author may do; first change: "
                + where.describe());
        this.where = where;
    }

    public PackError where() {
        return where;
    }
}
