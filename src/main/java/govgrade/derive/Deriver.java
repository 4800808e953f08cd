package govgrade.derive;

import govgrade.facts.Batch;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes the metrics rules read from a validated batch. Pure: same batch, same facts. */
public final class Deriver {
    private Deriver() {
    }

    public static DerivedBatch derive(Batch b) {
        Batch.Period p = b.period();
        LocalDate check = p.effectiveCheckDate();
        PeriodFact period = new PeriodFact(p.from(), p.to(), check);

        Map<String, Set<String>> unitCodes = unitWideFindings(b);
        Map<String, UnitFact> units = new LinkedHashMap<>();
        for (Batch.Unit u : b.units()) {
            units.put(u.id(), new UnitFact(u.id(), u.name(), u.group(), u.region(),
                    unitCodes.getOrDefault(u.id(), Set.of())));
        }

        List<NewMediaAccount> accounts = new ArrayList<>(b.accounts().size());
        for (Batch.Account a : b.accounts()) {
            accounts.add(account(a, units.get(a.unit()), p.from(), p.to(), check));
        }

        List<UnitActivity> activity = new ArrayList<>(b.activity().size());
        for (Batch.Activity a : b.activity()) {
            activity.add(new UnitActivity(units.get(a.unit()), a.channel(), a.posts(), a.submitted(), a.adopted(),
                    a.adoptedInMonth(), codes(a.findings()), true));
        }

        Dues dues = new Dues(p.from(), p.to());
        Map<String, List<ColumnFact>> byUnit = new LinkedHashMap<>();
        for (Batch.Column c : b.columns()) {
            byUnit.computeIfAbsent(c.unit(), k -> new ArrayList<>())
                    .add(new ColumnFact(c.name(), c.cadence(), c.updates(), dues.due(c.cadence()), codes(c.findings())));
        }
        List<UnitColumns> columns = new ArrayList<>(byUnit.size());
        byUnit.forEach((unit, cols) -> columns.add(new UnitColumns(units.get(unit), cols)));

        return new DerivedBatch(period, List.copyOf(units.values()), accounts, activity, columns);
    }

    static NewMediaAccount account(Batch.Account a, UnitFact unit, LocalDate from, LocalDate to, LocalDate check) {
        String region = a.region() != null ? a.region() : unit == null ? null : unit.getRegion();
        // Days after the check date are not yet observed: a gap ends at the check date at most.
        LocalDate observedTo = check.isBefore(to) ? check : to;
        NewMediaAccount.Counts counts;
        LocalDate last;
        List<DateSpan> gaps;
        List<DateSpan> originalGaps;
        if (a.hasPosts()) {
            List<LocalDate> dates = new ArrayList<>(a.posts().size());
            List<LocalDate> originalDates = new ArrayList<>();
            int recommended = 0;
            last = null;
            for (Batch.Post post : a.posts()) {
                dates.add(post.date());
                if (post.isOriginal()) {
                    originalDates.add(post.date());
                }
                if (post.isRecommended()) {
                    recommended++;
                }
                if (last == null || post.date().isAfter(last)) {
                    last = post.date();
                }
            }
            counts = new NewMediaAccount.Counts(dates.size(), originalDates.size(),
                    dates.size() - originalDates.size(), recommended);
            gaps = Gaps.between(from, observedTo, dates);
            originalGaps = Gaps.between(from, observedTo, originalDates);
        } else {
            Integer total = a.originals() != null && a.reposts() != null ? a.originals() + a.reposts() : null;
            counts = new NewMediaAccount.Counts(total, a.originals(), a.reposts(), a.recommendedReposts());
            last = a.lastUpdate();
            gaps = span(a.longestGap());
            originalGaps = span(a.longestOriginalGap());
        }
        Integer daysSince;
        if (last != null) {
            daysSince = (int) Math.max(0, ChronoUnit.DAYS.between(last, check));
        } else if (a.hasPosts()) {
            // Posts were given and there are none: silent since before the period began.
            daysSince = (int) ChronoUnit.DAYS.between(from.minusDays(1), check);
        } else {
            daysSince = null;
        }
        return new NewMediaAccount(a.id(), a.name(), a.platform(), unit, region, counts, last, daysSince,
                gaps, originalGaps, codes(a.findings()), Replies.of(a.messages(), check));
    }

    private static List<DateSpan> span(Batch.DateSpan s) {
        return s == null ? List.of() : List.of(new DateSpan(s.from(), s.to()));
    }

    private static Set<String> codes(List<Batch.Finding> findings) {
        Set<String> out = new HashSet<>();
        for (Batch.Finding f : findings) {
            out.add(f.code());
        }
        return out;
    }

    /** Every finding code attached to anything a unit published: itself, columns, activity, accounts. */
    private static Map<String, Set<String>> unitWideFindings(Batch b) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Batch.Unit u : b.units()) {
            out.computeIfAbsent(u.id(), k -> new HashSet<>()).addAll(codes(u.findings()));
        }
        for (Batch.Column c : b.columns()) {
            out.computeIfAbsent(c.unit(), k -> new HashSet<>()).addAll(codes(c.findings()));
        }
        for (Batch.Activity a : b.activity()) {
            out.computeIfAbsent(a.unit(), k -> new HashSet<>()).addAll(codes(a.findings()));
        }
        for (Batch.Account a : b.accounts()) {
            if (a.unit() != null) {
                out.computeIfAbsent(a.unit(), k -> new HashSet<>()).addAll(codes(a.findings()));
            }
        }
        return out;
    }
}
