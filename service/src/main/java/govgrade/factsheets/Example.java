package govgrade.factsheets;

import govgrade.facts.Batch;
import govgrade.facts.Cadence;
import govgrade.facts.Channel;
import govgrade.facts.DeclaredFigure;
import govgrade.facts.DeclaredFigures;
import govgrade.facts.FigurePlace;
import govgrade.facts.Group;
import govgrade.facts.Platform;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The example rows of a template: one per sheet, a valid batch for last month, its pack's figures filled. */
final class Example {
    private Example() {
    }

    static Batch batch(String pack, DeclaredFigures declared) {
        YearMonth month = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Batch.Unit unit = new Batch.Unit("u1", "示例县教育局", Group.DEPARTMENT, "县直部门", List.of(),
                figures(declared, FigurePlace.UNIT, to));
        Batch.Account account = new Batch.Account("a1", "示例教育", Platform.WECHAT, "u1", null,
                List.of(new Batch.Post(from.plusDays(2), true, false)), null, null, null, null, null, null, List.of(),
                List.of(new Batch.Message(OffsetDateTime.of(from.plusDays(3).atTime(9, 30), CellValues.BEIJING),
                        OffsetDateTime.of(from.plusDays(3).atTime(16, 0), CellValues.BEIJING))),
                figures(declared, FigurePlace.ACCOUNT, to));
        Batch.Column column = new Batch.Column("u1", "政策解读", new Cadence(2, Cadence.Unit.MONTH), 3, List.of(),
                figures(declared, FigurePlace.COLUMN, to));
        Batch.Activity activity = new Batch.Activity("u1", Channel.NEWS, 5, null, null, null, List.of(),
                figures(declared, FigurePlace.ACTIVITY, to));
        return new Batch(pack, new Batch.Period(from, to, null), List.of(unit), List.of(account), List.of(column),
                List.of(activity));
    }

    private static Map<String, Object> figures(DeclaredFigures declared, FigurePlace place, LocalDate to) {
        List<DeclaredFigure> at = declared.at(place);
        if (at.isEmpty()) {
            return null;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        for (DeclaredFigure d : at) {
            f.put(d.name(), switch (d.type()) {
                case COUNT, NUMBER -> 0;
                case DATE -> to.toString();
                case TEXT -> "";
                case YES_NO -> false;
            });
        }
        return f;
    }
}
