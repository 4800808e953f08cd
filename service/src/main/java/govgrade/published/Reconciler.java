package govgrade.published;

import com.fasterxml.jackson.annotation.JsonInclude;
import govgrade.grading.GradedRun;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a run with what a circular published, figure by figure, and lists every difference
 * with the facts and the rule that decided the graded figure. This is how staff find hand-edited
 * grades; it is also how a pack's tests tell which published figures a change would alter.
 */
public final class Reconciler {
    private Reconciler() {
    }

    /** One figure where the circular and the written rule part ways. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Difference(String id, String name, String channel, String figure, Object published, Object graded,
                             String known, List<GradedRun.Because> because) {
    }

    /**
     * The comparison: figures compared and reproduced; differences on rows the circular marks
     * {@code known} apart from the others, which are the surprises.
     */
    public record Report(String pack, String version, int figures, int reproduced, List<Difference> differences,
                         List<Difference> knownDifferences) {
    }

    public static Report compare(GradedRun run, PublishedFigures published) {
        Map<String, GradedRun.Result> byId = new HashMap<>();
        Map<String, List<GradedRun.Result>> byName = new HashMap<>();
        for (GradedRun.Result r : run.results()) {
            byId.put(r.subject().id() + "|" + r.channel(), r);
            byName.computeIfAbsent(r.subject().name(), k -> new ArrayList<>()).add(r);
        }
        int figures = 0;
        int same = 0;
        List<Difference> diffs = new ArrayList<>();
        List<Difference> known = new ArrayList<>();
        for (PublishedFigures.Row p : published.results()) {
            GradedRun.Result r = find(p, byId, byName);
            List<Difference> rowDiffs = new ArrayList<>();
            int rowFigures = 0;
            if (p.grade() != null || p.label() != null) {
                rowFigures++;
                Object got = r == null ? null : p.grade() != null ? r.grade() : r.label();
                boolean ok = r != null && (p.grade() != null ? Objects.equals(p.grade(), r.grade())
                        : Objects.equals(p.label(), r.label()) || Objects.equals(p.label(), r.grade()));
                if (!ok) {
                    rowDiffs.add(diff(p, r, "grade", p.grade() != null ? p.grade() : p.label(), got));
                }
            }
            if (p.rank() != null) {
                rowFigures++;
                if (r == null || !p.rank().equals(r.rank())) {
                    rowDiffs.add(diff(p, r, "rank", p.rank(), r == null ? null : r.rank()));
                }
            }
            if (p.score() != null) {
                rowFigures++;
                if (r == null || r.score() == null || p.score().compareTo(r.score()) != 0) {
                    rowDiffs.add(diff(p, r, "score", p.score(), r == null ? null : r.score()));
                }
            }
            if (p.problems() != null) {
                rowFigures++;
                List<String> want = p.problems().stream().map(Reconciler::norm).sorted().toList();
                List<String> got = r == null ? null : r.problems().stream().map(x -> norm(x.label())).sorted().toList();
                if (!want.equals(got)) {
                    rowDiffs.add(diff(p, r, "problems", p.problems(),
                            r == null ? null : r.problems().stream().map(GradedRun.ProblemOut::label).toList()));
                }
            }
            figures += rowFigures;
            same += rowFigures - rowDiffs.size();
            (p.known() != null ? known : diffs).addAll(rowDiffs);
        }
        for (PublishedFigures.SummaryRow s : published.summaries()) {
            GradedRun.Summary g = run.summaries().stream()
                    .filter(x -> Objects.equals(x.region(), s.region()) && Objects.equals(x.channel(), s.channel()))
                    .findFirst().orElse(null);
            figures += 3;
            same += summaryFigure(s, g, "checked", s.checked(), g == null ? null : g.checked(), diffs);
            same += summaryFigure(s, g, "failed", s.failed(), g == null ? null : g.failed(), diffs);
            BigDecimal rate = g == null ? null : g.passRate();
            boolean rateOk = s.passRate() != null && rate != null && s.passRate().compareTo(rate) == 0;
            if (rateOk) {
                same++;
            } else {
                diffs.add(new Difference(null, s.region(), s.channel(), "passRate", s.passRate(), rate, null, null));
            }
        }
        return new Report(run.pack().id(), run.pack().version(), figures, same, diffs, known);
    }

    private static int summaryFigure(PublishedFigures.SummaryRow s, GradedRun.Summary g, String figure, Integer want,
                                     Integer got, List<Difference> diffs) {
        if (want != null && want.equals(got)) {
            return 1;
        }
        diffs.add(new Difference(null, s.region(), s.channel(), figure, want, got, null, null));
        return 0;
    }

    private static GradedRun.Result find(PublishedFigures.Row p, Map<String, GradedRun.Result> byId,
                                         Map<String, List<GradedRun.Result>> byName) {
        if (p.id() != null) {
            return byId.get(p.id() + "|" + p.channel());
        }
        List<GradedRun.Result> named = byName.getOrDefault(p.name(), List.of());
        // A name-only annex row: the subject of that name on the row's channel, else the graded one.
        return named.stream().filter(r -> p.channel() == null ? r.grade() != null : r.channel().equals(p.channel()))
                .findFirst().orElse(null);
    }

    private static Difference diff(PublishedFigures.Row p, GradedRun.Result r, String figure, Object published,
                                   Object graded) {
        return new Difference(p.id() != null ? p.id() : r == null ? null : r.subject().id(), p.name(),
                p.channel() != null ? p.channel() : r == null ? null : r.channel(), figure, published,
                r == null ? "no such subject in the run" : graded, p.known(), r == null ? null : r.because());
    }

    /** As a circular's wording is compared: width-normalised, whitespace and final punctuation aside. */
    static String norm(String s) {
        String t = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder();
        for (char c : t.toCharArray()) {
            if (!Character.isWhitespace(c) && "。.;；'‘’\"“”".indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
