package govgrade.rules;

import govgrade.derive.Subject;
import govgrade.facts.Platform;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a pack's decision tables set, checked and frozen: numbers rules compare with,
 * settings, grade labels and problem wording. One per pack version; rules read it as a fact.
 */
public final class Criteria {

    public static final String RANK_METHOD = "rankMethod";
    public static final String SUMMARY_TOTAL = "summaryTotal";
    /** The county as its circulars write it (眉县, 商丘市); the report's titles and the workbench print it. */
    public static final String DISPLAY_NAME = "displayName";
    /** How a setting separates platform names: commas, 、, semicolons or spaces. */
    public static final String PLATFORM_SEPARATORS = "[,，、;；\\s]+";

    private final Map<String, BigDecimal> numbers;
    private final Map<String, String> settings;
    private final Map<Grade, String> gradeLabels;
    private final Map<String, String> problemLabels;
    private final Map<String, Grade> problemGrades;
    private final Map<String, Integer> problemOrder;
    private final RankMethod rankMethod;
    private final Set<String> declared;
    private final ReportWords report;
    private final ScoringTables scoring;

    private Criteria(Map<String, BigDecimal> numbers, Map<String, String> settings, Map<Grade, String> gradeLabels,
                     Map<String, String> problemLabels, Map<String, Grade> problemGrades, RankMethod rankMethod, Set<String> declared,
                     ReportWords report, ScoringTables scoring) {
        this.numbers = Map.copyOf(numbers);
        this.settings = Map.copyOf(settings);
        this.gradeLabels = new EnumMap<>(gradeLabels);
        this.problemLabels = Map.copyOf(problemLabels);
        this.problemGrades = Map.copyOf(problemGrades);
        this.rankMethod = rankMethod;
        this.declared = Set.copyOf(declared);
        // The name is a setting (a pack states it once, beside summaryTotal) but the report prints it.
        this.report = report.withDisplayName(this.settings.get(DISPLAY_NAME));
        this.scoring = scoring;
        Map<String, Integer> order = new HashMap<>();
        int i = 0;
        for (String code : problemLabels.keySet()) {
            order.put(code, i++);
        }
        this.problemOrder = order;
    }

    /**
     * Assembles and freezes what the tables set; {@code problemRows} lists problem codes in the
     * order of their table rows, the order a result prints problems in.
     *
     * <p>The values are checked before this, at their cells, by the pack's table checks
     * ({@code packs.tables.CriteriaTableChecks}), on the same text Drools compiled. What stays
     * here is what a typed value cannot be built without: a number from digits, a grade from its
     * code or label, a ranking method from its name. A value that fails here came from outside
     * the checked tables (a DRL rule inserting a Criterion) and is refused whole.
     *
     * @throws IllegalArgumentException naming the key of a value that cannot be held
     */
    public static Criteria of(List<Criterion> all, List<String> problemRows) {
        Map<String, BigDecimal> numbers = new HashMap<>();
        Map<String, String> settings = new HashMap<>();
        Map<Grade, String> gradeLabels = new EnumMap<>(Grade.class);
        Map<String, String> labels = new HashMap<>();
        Map<String, String> gradeTexts = new HashMap<>();
        Set<String> declared = new HashSet<>();
        for (Criterion c : all) {
            declared.add(c.getKey());
            switch (c.getKind()) {
                case NUMBER -> numbers.put(c.getKey(), number(c));
                case SETTING -> settings.put(c.getKey(), c.getValue());
                case GRADE_LABEL -> gradeLabels.put(known(Grade.lookup(c.getKey()), new Criterion(c.getKind(), c.getKey(),
                        c.getKey()), "EXCELLENT, GOOD, PASS, FAIL or POOR"), c.getValue());
                case PROBLEM_LABEL -> labels.put(c.getKey(), c.getValue());
                case PROBLEM_GRADE -> gradeTexts.put(c.getKey(), c.getValue());
            }
        }
        Map<String, Grade> problemGrades = new HashMap<>();
        gradeTexts.forEach((code, text) -> {
            // 无 and - are how a problem table says "recorded, no veto".
            if (!text.isEmpty() && !text.equals("无") && !text.equals("-")) {
                problemGrades.put(code, known(gradeOf(text, gradeLabels),
                        new Criterion(Criterion.Kind.PROBLEM_GRADE, code, text), "a grade word"));
            }
        });
        String m = settings.get(RANK_METHOD);
        RankMethod method = m == null || m.isEmpty() ? RankMethod.DENSE
                : known(RankMethod.lookup(m), new Criterion(Criterion.Kind.SETTING, RANK_METHOD, m), RankMethod.accepted());
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String code : problemRows) {
            if (labels.containsKey(code)) {
                ordered.put(code, labels.get(code));
            }
        }
        labels.forEach(ordered::putIfAbsent);
        return new Criteria(numbers, settings, gradeLabels, ordered, problemGrades, method, declared, ReportWords.NONE,
                ScoringTables.NONE);
    }

    /**
     * These criteria with the words the pack gives its report ({@code packs.tables.ReportSheet}
     * reads and checks them at their cells; they are data, not rules, so no Criterion carries them).
     */
    public Criteria withReport(ReportWords words) {
        return new Criteria(numbers, settings, gradeLabels, orderedProblems(), problemGrades, rankMethod, declared,
                words == null ? ReportWords.NONE : words, scoring);
    }

    /**
     * These criteria with the pack's scoring tables ({@code packs.tables.ScoringSheets} reads and
     * checks the 分档, 扣分, 加权 and 比率 sheets at their cells; like the report words they are data).
     */
    public Criteria withScoring(ScoringTables tables) {
        return new Criteria(numbers, settings, gradeLabels, orderedProblems(), problemGrades, rankMethod, declared,
                report, tables == null ? ScoringTables.NONE : tables);
    }

    /** The constructor numbers problems in the order of the map it is given: this is that order. */
    private Map<String, String> orderedProblems() {
        Map<String, String> ordered = new LinkedHashMap<>();
        problemLabels.keySet().stream().sorted(Comparator.comparingInt(this::problemOrder))
                .forEach(k -> ordered.put(k, problemLabels.get(k)));
        return ordered;
    }

    private static BigDecimal number(Criterion c) {
        try {
            return new BigDecimal(c.getValue());
        } catch (NumberFormatException e) {
            throw refused(c, "a number");
        }
    }

    private static <T> T known(T value, Criterion c, String expected) {
        if (value == null) {
            throw refused(c, expected);
        }
        return value;
    }

    private static IllegalArgumentException refused(Criterion c, String expected) {
        return new IllegalArgumentException(c.getKey() + ": found \"" + c.getValue() + "\", expected " + expected);
    }

    private static Grade gradeOf(String text, Map<Grade, String> labels) {
        for (Map.Entry<Grade, String> e : labels.entrySet()) {
            if (e.getValue().equals(text)) {
                return e.getKey();
            }
        }
        return Grade.lookup(text);
    }

    // ---- read by rules ----

    /** A whole-number parameter, e.g. a day limit. */
    public int integer(String key) {
        BigDecimal v = number(key);
        try {
            return v.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalStateException("parameter " + key + " is " + v + " but a rule needs a whole number");
        }
    }

    /** A decimal parameter, e.g. a score weight. */
    public BigDecimal decimal(String key) {
        return number(key);
    }

    private BigDecimal number(String key) {
        BigDecimal v = numbers.get(key);
        if (v == null) {
            throw new IllegalStateException("parameter " + key + " is not set in the pack's decision tables");
        }
        return v;
    }

    public String setting(String key) {
        return settings.getOrDefault(key, "");
    }

    /** Platforms listed in a setting, by code or Chinese name, separated by commas or 、. */
    public Set<Platform> platforms(String key) {
        Set<Platform> out = EnumSet.noneOf(Platform.class);
        for (String part : setting(key).split(PLATFORM_SEPARATORS)) {
            if (!part.isBlank()) {
                out.add(Platform.parse(part));
            }
        }
        return out;
    }

    /** True when the pack words this problem, so a finding with this code is printed. */
    public boolean hasProblem(String code) {
        return problemLabels.containsKey(code);
    }

    /** The grade a problem forces (a veto), or null where it is only recorded. */
    public Grade vetoGrade(String code) {
        return problemGrades.get(code);
    }

    // ---- scoring tables, each by the name of its sheet ----

    /** The grade of the 分档 sheet {@code table} for {@code score}; null outside its outermost bounds. */
    public Grade band(String table, Number score) {
        return scoring.get(table, BandTable.class, ScoringTables.Kind.BAND).grade(ScoringTables.decimal(score));
    }

    /**
     * The score the 扣分 sheet {@code table} leaves after {@code problems}: each element a
     * {@link Problem} (collected in the rule) or a problem code, one occurrence each.
     */
    public BigDecimal deduct(String table, Collection<?> problems) {
        return scoring.get(table, DeductionTable.class, ScoringTables.Kind.DEDUCTION).score(DeductionTable.counts(problems));
    }

    /** The score the 扣分 sheet {@code table} leaves after {@code counts}: problem code to occurrences. */
    public BigDecimal deduct(String table, Map<String, ? extends Number> counts) {
        return scoring.get(table, DeductionTable.class, ScoringTables.Kind.DEDUCTION).score(DeductionTable.counts(counts));
    }

    /** The weighted sum of the 加权 sheet {@code table} over the subject's figures. */
    public BigDecimal weighted(String table, Subject subject) {
        return scoring.get(table, WeightTable.class, ScoringTables.Kind.WEIGHTED).sum(subject);
    }

    /** The rate of the 比率 sheet {@code table} over the subject's figures its 分子 and 分母 name. */
    public BigDecimal rate(String table, Subject subject) {
        return scoring.get(table, RateTable.class, ScoringTables.Kind.RATE).of(subject);
    }

    /** The rate of the 比率 sheet {@code table} over numbers the rule has (its 分子 and 分母 columns unused). */
    public BigDecimal rate(String table, Number numerator, Number denominator) {
        return scoring.get(table, RateTable.class, ScoringTables.Kind.RATE).of(ScoringTables.decimal(numerator),
                ScoringTables.decimal(denominator));
    }

    /** The pack's scoring tables; the build checks the names rules call against them. */
    public ScoringTables scoring() {
        return scoring;
    }

    // ---- read by the grading stage ----

    public String gradeLabel(Grade g) {
        return gradeLabels.getOrDefault(g, g.defaultLabel());
    }

    public String problemLabel(String code) {
        return problemLabels.getOrDefault(code, code);
    }

    public int problemOrder(String code) {
        return problemOrder.getOrDefault(code, Integer.MAX_VALUE);
    }

    public RankMethod rankMethod() {
        return rankMethod;
    }

    /** The region name of a summary over all regions, or empty for none. */
    public String summaryTotal() {
        return setting(SUMMARY_TOTAL);
    }

    /** The county as its circulars write it (the 设置 row displayName), or null where the pack does not say. */
    public String displayName() {
        return report.displayName();
    }

    /** The sheet names, titles and county name the pack gives its report; {@link ReportWords#NONE} where it says nothing. */
    public ReportWords report() {
        return report;
    }

    /** True when some table row has this key, valid or not (an invalid one is reported at its cell). */
    public boolean declares(String key) {
        return declared.contains(key);
    }

    /** Every value, for an explanation of a version: key to value as the tables wrote it. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        numbers.forEach(out::put);
        settings.forEach(out::put);
        List<String> g = new ArrayList<>();
        gradeLabels.forEach((k, v) -> g.add(k + "=" + v));
        out.put("gradeLabels", g);
        out.put("problems", problemLabels);
        return out;
    }
}
