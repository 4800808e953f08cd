package govgrade.derive;

import govgrade.facts.Batch;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.stream.IntStream;

/** Computes the metrics rules read from a validated batch. Pure: same batch, same facts. */
public final class Deriver {
    /** Accounts from which deriving is split over the cores: far above a county batch, where threads cost more. */
    private static final int PARALLEL_FROM = 10_000;

    private Deriver() {
    }

    /** The batch derived, its subjects' histories from the earlier periods it carries. */
    public static DerivedBatch derive(Batch b) {
        return derive(b, List.of(), govgrade.facts.BatchLimits.EARLIER_PERIODS);
    }

    /**
     * The batch derived, its subjects' histories from the periods it carries and then {@code stored}
     * (a period the batch carries wins over a stored one ending the same day), at most {@code limit} back.
     */
    public static DerivedBatch derive(Batch b, List<PastPeriod> stored, int limit) {
        DerivedBatch d = facts(b);
        List<PastPeriod> periods = new ArrayList<>(b.earlier().size() + stored.size());
        for (Batch.Earlier e : b.earlier()) {
            periods.add(PastPeriod.of(e));
        }
        periods.addAll(stored);
        Histories.attach(d, periods, limit);
        return d;
    }

    private static DerivedBatch facts(Batch b) {
        Batch.Period p = b.period();
        LocalDate check = p.effectiveCheckDate();
        PeriodFact period = new PeriodFact(p.from(), p.to(), check);

        Map<String, Set<String>> unitCodes = unitWideFindings(b);
        Map<String, UnitFact> units = new LinkedHashMap<>();
        for (Batch.Unit u : b.units()) {
            units.put(u.id(), new UnitFact(u.id(), u.name(), u.group(), u.region(),
                    unitCodes.getOrDefault(u.id(), Set.of()), u.figures()));
        }

        List<NewMediaAccount> accounts = accounts(b.accounts(), units, p.from(), p.to(), check);

        List<UnitActivity> activity = new ArrayList<>(b.activity().size());
        for (Batch.Activity a : b.activity()) {
            activity.add(new UnitActivity(units.get(a.unit()), a.channel(), a.posts(), a.submitted(), a.adopted(),
                    a.adoptedInMonth(), codes(a.findings()), true, a.figures()));
        }

        Dues dues = new Dues(p.from(), p.to());
        Map<String, List<ColumnFact>> byUnit = new LinkedHashMap<>();
        for (Batch.Column c : b.columns()) {
            byUnit.computeIfAbsent(c.unit(), k -> new ArrayList<>())
                    .add(new ColumnFact(c.name(), c.cadence(), c.updates(), dues.due(c.cadence()), codes(c.findings()),
                            c.figures()));
        }
        List<UnitColumns> columns = new ArrayList<>(byUnit.size());
        byUnit.forEach((unit, cols) -> columns.add(new UnitColumns(units.get(unit), cols)));

        return new DerivedBatch(period, List.copyOf(units.values()), accounts, activity, columns);
    }

    /**
     * Each account derived from its own posts alone, so a large batch's accounts are derived on
     * every core (the common pool), each into its own slot: the list is in batch order either way.
     */
    private static List<NewMediaAccount> accounts(List<Batch.Account> given, Map<String, UnitFact> units,
                                                  LocalDate from, LocalDate to, LocalDate check) {
        List<Batch.Account> list = given instanceof RandomAccess ? given : new ArrayList<>(given);
        NewMediaAccount[] out = new NewMediaAccount[list.size()];
        IntStream all = IntStream.range(0, out.length);
        (out.length < PARALLEL_FROM ? all : all.parallel()).forEach(i -> {
            Batch.Account a = list.get(i);
            out[i] = account(a, units.get(a.unit()), from, to, check);
        });
        return new ArrayList<>(Arrays.asList(out));
    }

    static NewMediaAccount account(Batch.Account a, UnitFact unit, LocalDate from, LocalDate to, LocalDate check) {
        String region = a.region() != null ? a.region() : unit == null ? null : unit.getRegion();
        // Days after the check date are not yet observed: a gap ends at the check date at most.
        LocalDate observedTo = check.isBefore(to) ? check : to;
        NewMediaAccount.Counts counts;
        LocalDate last;
        PostDays gaps;
        PostDays originalGaps;
        if (a.hasPosts()) {
            // One pass: counts, the newest day, and a bit per day posted (gaps are found from it if asked).
            gaps = new PostDays(from, observedTo);
            originalGaps = new PostDays(from, observedTo);
            int originals = 0;
            int recommended = 0;
            last = null;
            long lastDay = Long.MIN_VALUE;
            for (Batch.Post post : a.posts()) {
                long day = post.date().toEpochDay();
                gaps.post(day);
                if (post.isOriginal()) {
                    originals++;
                    originalGaps.post(day);
                }
                if (post.isRecommended()) {
                    recommended++;
                }
                if (day > lastDay) {
                    lastDay = day;
                    last = post.date();
                }
            }
            int total = a.posts().size();
            counts = new NewMediaAccount.Counts(total, originals, total - originals, recommended);
        } else {
            Integer total = a.originals() != null && a.reposts() != null ? a.originals() + a.reposts() : null;
            counts = new NewMediaAccount.Counts(total, a.originals(), a.reposts(), a.recommendedReposts());
            last = a.lastUpdate();
            gaps = PostDays.given(span(a.longestGap()));
            originalGaps = PostDays.given(span(a.longestOriginalGap()));
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
                gaps, originalGaps, codes(a.findings()), Replies.of(a.messages(), check), a.figures());
    }

    private static List<DateSpan> span(Batch.DateSpan s) {
        return s == null ? List.of() : List.of(new DateSpan(s.from(), s.to()));
    }

    private static Set<String> codes(List<Batch.Finding> findings) {
        if (findings.isEmpty()) {
            return Set.of();
        }
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
            if (a.unit() != null && !a.findings().isEmpty()) {
                out.computeIfAbsent(a.unit(), k -> new HashSet<>()).addAll(codes(a.findings()));
            }
        }
        return out;
    }
}
