package govgrade.packs.build;

import govgrade.facts.DeclaredFigures;
import govgrade.packs.CompiledPack;
import govgrade.packs.tables.FigureSheet;
import govgrade.packs.tables.ReportSheet;
import govgrade.packs.tables.RuleWorkbook;
import govgrade.packs.tables.ScoringSheets;
import govgrade.rules.Criteria;
import govgrade.rules.ReportWords;
import govgrade.rules.ScoringTables;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a pack's workbook gives its compiled pack besides rules: the order problems print in, the
 * report's words, the scoring tables and the declared figures. Kept with the stored rule base, so a
 * restart builds the criteria without opening the workbook (POI and its XML stack are most of a
 * restore's class loading; a workbook whose bytes changed is another version and is compiled).
 *
 * @param problemRows problem codes in the order of their table rows
 */
record SheetValues(List<String> problemRows, ReportWords report, ScoringTables scoring, DeclaredFigures figures)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The code of a problem wording column: its rows give the order problems print in. */
    private static final String PROBLEM_LABEL = "Criterion.problemLabel";

    SheetValues {
        problemRows = List.copyOf(problemRows);
    }

    /** Read from {@code workbooks} (by file, in file order), after their table checks found nothing wrong. */
    static SheetValues read(Collection<RuleWorkbook> workbooks) {
        List<String> problemRows = new ArrayList<>();
        workbooks.forEach(wb -> problemRows.addAll(wb.keysOf(PROBLEM_LABEL)));
        return new SheetValues(problemRows, ReportSheet.words(workbooks), ScoringSheets.tables(workbooks),
                FigureSheet.declared(workbooks));
    }

    /**
     * The values {@code pack} was built with, taken from it instead of its workbook: its worded
     * problems in the order they print are rows that order them the same way again (Criteria is
     * rule vocabulary, so the order is read through what it shows already rather than a new member),
     * and the report's county name is a setting the criteria put back.
     */
    static SheetValues of(CompiledPack pack) {
        Criteria c = pack.criteria();
        List<String> problemRows = ((Map<?, ?>) c.asMap().get("problems")).keySet().stream().map(String.class::cast)
                .sorted(Comparator.comparingInt(c::problemOrder)).toList();
        return new SheetValues(problemRows, c.report(), c.scoring(), pack.figures());
    }
}
