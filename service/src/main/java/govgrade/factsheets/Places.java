package govgrade.factsheets;

import govgrade.facts.BatchRejected;
import govgrade.facts.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each value of the batch a workbook made came from: JSON path to cell. A JSON batch's
 * violations are put back at their cells through it; a path with no cell of its own (a whole
 * entry, a list) falls back to the nearest one above it that has one (the entry's row).
 */
final class Places {
    private final Map<String, Place> byPath = new HashMap<>();
    private final Place fallback;

    Places(Place fallback) {
        this.fallback = fallback;
    }

    void put(String path, Place place) {
        byPath.putIfAbsent(path, place);
    }

    Place of(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Place found = byPath.get(p);
            if (found != null) {
                return found;
            }
            int dot = p.lastIndexOf('.');
            int bracket = p.lastIndexOf('[');
            int cut = Math.max(dot, bracket);
            if (cut <= 0) {
                break;
            }
            p = p.substring(0, cut);
        }
        return fallback;
    }

    /**
     * {@code cellMistakes} (what reading the cells found) and then the batch's violations at their
     * cells, leaving out any at a cell already named: a cell that could not be read is missing
     * from the batch, and "missing" is no news there.
     */
    SheetRejected rejection(List<CellViolation> cellMistakes, BatchRejected batch, long cellMore, int listed) {
        List<CellViolation> all = new ArrayList<>(cellMistakes);
        Set<String> named = new HashSet<>();
        cellMistakes.forEach(c -> named.add(c.path()));
        long more = cellMore;
        boolean overLimit = false;
        if (batch != null) {
            overLimit = batch.overLimit();
            more += batch.more();
            for (Violation v : batch.violations()) {
                Place p = of(v.path());
                if (named.contains(p.a1())) {
                    continue;
                }
                if (all.size() >= listed) {
                    more++;
                    continue;
                }
                all.add(new CellViolation(p.a1(), p.sheet(), p.row(), p.column(), v.found(), v.expected(),
                        p.a1() + "：" + v.found() + "，应为 " + v.expected() + "（批次中的 " + v.path() + "）"));
            }
        }
        return new SheetRejected(all, more, overLimit);
    }
}
