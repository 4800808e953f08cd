package govgrade.factsheets;

/**
 * One mistake in a facts workbook, at its cell: {@code path} is {@code 账号!D7}, {@code row} as
 * Excel shows it (1-based), {@code column} its letter. {@code found} and {@code expected} as a
 * JSON batch's violations word them; {@code message} says it all, Chinese first.
 */
public record CellViolation(String path, String sheet, int row, String column, String found, String expected,
                            String message) {

    static CellViolation at(Place p, String found, String expected) {
        return new CellViolation(p.a1(), p.sheet(), p.row(), p.column(), found, expected,
                p.a1() + "：" + found + "，应为 " + expected);
    }
}
