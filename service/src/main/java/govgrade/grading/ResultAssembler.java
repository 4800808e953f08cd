package govgrade.grading;

import govgrade.derive.NewMediaAccount;
import govgrade.derive.Subject;
import govgrade.grading.GradedRun.Because;
import govgrade.grading.GradedRun.ProblemOut;
import govgrade.grading.GradedRun.Result;
import govgrade.grading.GradedRun.SubjectRef;
import govgrade.rules.Criteria;
import govgrade.rules.Grade;
import govgrade.rules.Outcome;
import govgrade.rules.Problem;
import govgrade.rules.ProblemWording;
import govgrade.rules.RankKey;
import govgrade.rules.Score;
import govgrade.rules.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** Turns a firing's outcomes into results: grade and label, problems in the pack's words, score, rank. */
final class ResultAssembler {
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private ResultAssembler() {
    }

    static List<Result> assemble(Grader.Firing firing, Criteria criteria) {
        int n = firing.subjects().size();
        List<List<Outcome<?>>> outcomes = new ArrayList<>(n);
        List<BigDecimal> rankKeys = new ArrayList<>(n);
        Map<GroupKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Subject s = firing.subjects().get(i);
            List<Outcome<?>> own = firing.outcomes().getOrDefault(s, List.of());
            outcomes.add(own);
            rankKeys.add(firstRankKey(own));
            groups.computeIfAbsent(new GroupKey(s.getChannel().code(), s.getGroup() == null ? null : s.getGroup().code()),
                    k -> new ArrayList<>()).add(i);
        }
        Integer[] ranks = new Integer[n];
        for (List<Integer> idx : groups.values()) {
            List<BigDecimal> values = idx.stream().map(rankKeys::get).toList();
            List<Integer> r = Ranker.rank(values, criteria.rankMethod());
            for (int k = 0; k < idx.size(); k++) {
                ranks[idx.get(k)] = r.get(k);
            }
        }
        Comparator<Problem> problemOrder = Comparator.comparingInt((Problem p) -> criteria.problemOrder(p.getCode()))
                .thenComparing(p -> p.getSpan() == null ? "" : p.getSpan().getFrom().toString());
        // Each result reads its own subject and outcomes and the (immutable) criteria: a large run's
        // are made on every core, each into its own slot, so the order is the same.
        Result[] made = new Result[n];
        IntStream all = IntStream.range(0, n);
        (n < Grader.PARTITION_FROM ? all : all.parallel()).forEach(i ->
                made[i] = result(firing.subjects().get(i), outcomes.get(i), ranks[i], criteria, problemOrder));
        return order(new ArrayList<>(Arrays.asList(made)), firing.subjects());
    }

    /** A ranking group: channel and group codes (a record, not a joined string: one per subject adds up). */
    private record GroupKey(String channel, String group) {
    }

    private static BigDecimal firstRankKey(List<Outcome<?>> outcomes) {
        for (Outcome<?> o : outcomes) {
            if (o instanceof RankKey k) {
                return k.getValue();
            }
        }
        return null;
    }

    private static Result result(Subject s, List<Outcome<?>> outcomes, Integer rank, Criteria criteria,
                                 Comparator<Problem> problemOrder) {
        Verdict verdict = null;
        Score score = null;
        List<Problem> problems = new ArrayList<>(2);
        List<Because> because = new ArrayList<>(outcomes.size());
        for (Outcome<?> o : outcomes) {
            if (o instanceof Verdict v) {
                // Packs give one verdict; should two rules both fire, the first to fire stands: the rules'
                // own salience and order decide which, not a severity table of ours.
                if (verdict == null) {
                    verdict = v;
                }
            } else if (o instanceof Score sc && score == null) {
                score = sc;
            } else if (o instanceof Problem p) {
                problems.add(p);
            }
            // The outcome's own (unmodifiable) map: the session is over, nothing adds to it any more.
            because.add(new Because(o.getRule(), o.getFacts()));
        }
        problems.sort(problemOrder);
        Set<ProblemOut> printed = new LinkedHashSet<>();
        for (Problem p : problems) {
            printed.add(new ProblemOut(p.getCode(), label(criteria.problemLabel(p.getCode()), p)));
        }
        Grade g = verdict == null ? null : verdict.getGrade();
        return new Result(ref(s), s.getChannel().code(), g == null ? null : g.name(),
                g == null ? null : criteria.gradeLabel(g), score == null ? null : tidy(score.getValue()), rank,
                List.copyOf(printed), because, FiguresOf.of(s), EarlierReads.of(s));
    }

    /**
     * The pack's wording, with {from} and {to} replaced by the problem's days as MM-DD, and any other
     * {name} (or {name:中文}) by the value the rule recorded on the problem ({@link Wording}).
     */
    static String label(String template, Problem p) {
        String t = template;
        if (p.getSpan() != null) {
            t = t.replace("{from}", MONTH_DAY.format(p.getSpan().getFrom()))
                    .replace("{to}", MONTH_DAY.format(p.getSpan().getTo()));
        }
        return ProblemWording.fill(t, p.getFacts());
    }

    private static BigDecimal tidy(BigDecimal v) {
        BigDecimal t = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return t.scale() < 1 ? t.setScale(1, RoundingMode.UNNECESSARY) : t;
    }

    private static SubjectRef ref(Subject s) {
        String platform = s instanceof NewMediaAccount a && a.getPlatform() != null ? a.getPlatform().code() : null;
        return new SubjectRef(s.getType(), s.getId(), s.getName(), s.getGroup() == null ? null : s.getGroup().code(),
                s.getRegion(), platform);
    }

    /**
     * Channels in a fixed order; within a ranked channel, groups in order of first appearance and
     * ranked subjects first by rank (as a circular lists them), unranked ones last; otherwise batch order.
     */
    private static List<Result> order(List<Result> results, List<Subject> subjects) {
        int n = results.size();
        Map<GroupKey, Integer> groupSeen = new HashMap<>();
        Set<String> rankedChannels = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Result r = results.get(i);
            groupSeen.putIfAbsent(new GroupKey(r.channel(), r.subject().group()), i);
            if (r.rank() != null) {
                rankedChannels.add(r.channel());
            }
        }
        int[] channel = new int[n];
        int[] group = new int[n];
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            Result r = results.get(i);
            boolean ranked = rankedChannels.contains(r.channel());
            channel[i] = subjects.get(i).getChannel().ordinal();
            group[i] = ranked ? groupSeen.get(new GroupKey(r.channel(), r.subject().group())) : 0;
            rank[i] = !ranked ? 0 : r.rank() == null ? Integer.MAX_VALUE : r.rank();
        }
        if (inOrder(channel, group, rank)) {
            return results; // the common case (one channel, unranked or ranked in batch order): no sort
        }
        List<Integer> idx = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingInt((Integer i) -> channel[i]).thenComparingInt(i -> group[i])
                .thenComparingInt(i -> rank[i]).thenComparingInt(i -> i));
        List<Result> out = new ArrayList<>(n);
        for (int i : idx) {
            out.add(results.get(i));
        }
        return out;
    }

    /** True when (channel, group, rank, position) already ascends, as the sort would order it. */
    private static boolean inOrder(int[] channel, int[] group, int[] rank) {
        for (int i = 1; i < channel.length; i++) {
            int c = Integer.compare(channel[i - 1], channel[i]);
            if (c == 0) {
                c = Integer.compare(group[i - 1], group[i]);
            }
            if (c == 0) {
                c = Integer.compare(rank[i - 1], rank[i]);
            }
            if (c > 0) {
                return false;
            }
        }
        return true;
    }
}
