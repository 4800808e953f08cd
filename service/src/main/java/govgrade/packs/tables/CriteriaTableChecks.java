package govgrade.packs.tables;

import govgrade.facts.Platform;
import govgrade.rules.Criteria;
import govgrade.rules.Grade;
import govgrade.rules.ProblemWording;
import govgrade.rules.RankMethod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the criteria tables of a workbook before Drools compiles them: a word in a number cell,
 * an empty required cell, a repeated key, an unknown grade word, platform or ranking method, a
 * number out of range. Drools would report most of these as errors in DRL it generated, or not
 * at all; here each is reported at its cell. These are the pack's only checks of criteria values:
 * they read the text Drools compiles, and {@code rules.Criteria} assembles what passes.
 */
public final class CriteriaTableChecks {
    private static final String NUMBER = "Criterion.number";
    private static final String SETTING = "Criterion.setting";
    private static final String GRADE_LABEL = "Criterion.gradeLabel";
    private static final String PROBLEM_LABEL = "Criterion.problemLabel";
    private static final String PROBLEM_GRADE = "Criterion.problemGrade";

    /**
     * The largest number a criteria cell may hold: day limits, counts and weights are far below it,
     * and every such number fits the whole numbers rules compare with.
     */
    static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(1_000_000_000);
    /** A county's name as a circular writes it: 西宁市城中区 is six characters; thirty leave room for any. */
    static final int MAX_DISPLAY_NAME = 30;

    private final List<TableCheck> out = new ArrayList<>();
    private final Set<String> gradeWords = new HashSet<>();
    private final Set<String> wholeNumbers;

    private CriteriaTableChecks(Set<String> wholeNumbers) {
        this.wholeNumbers = wholeNumbers;
    }

    public static List<TableCheck> check(RuleWorkbook wb) {
        return check(wb, Set.of());
    }

    /**
     * As {@link #check(RuleWorkbook)}, and the parameters in {@code wholeNumbers} (those a rule
     * reads with {@code integer(...)}) must be whole numbers: 5.5 there would compile and fail
     * every grading.
     */
    public static List<TableCheck> check(RuleWorkbook wb, Set<String> wholeNumbers) {
        CriteriaTableChecks c = new CriteriaTableChecks(wholeNumbers);
        c.collectGradeWords(wb);
        Map<String, String> keys = new HashMap<>();
        for (RuleWorkbook.Table t : wb.tables()) {
            c.check(t, keys);
        }
        return c.out;
    }

    /** Grade words a problem row may name: codes, default words, and this workbook's own labels. */
    private void collectGradeWords(RuleWorkbook wb) {
        for (Grade g : Grade.values()) {
            gradeWords.add(g.name());
            gradeWords.add(g.defaultLabel());
        }
        for (RuleWorkbook.Table t : wb.tables()) {
            Optional<RuleWorkbook.ColumnSpec> label = column(t, GRADE_LABEL);
            if (label.isPresent()) {
                for (RuleWorkbook.DataRow r : t.rows()) {
                    String v = r.cells().get(label.get().col());
                    if (v != null) {
                        gradeWords.add(v);
                    }
                }
            }
        }
    }

    private void check(RuleWorkbook.Table t, Map<String, String> keys) {
        Optional<RuleWorkbook.ColumnSpec> nameCol = t.nameColumn();
        boolean criteria = t.columns().stream().anyMatch(c -> c.template() != null && c.template().contains("Criterion."));
        if (!criteria || nameCol.isEmpty()) {
            return;
        }
        int nc = nameCol.get().col();
        for (RuleWorkbook.DataRow r : t.rows()) {
            String key = r.cells().get(nc);
            String keyCell = RuleWorkbook.address(r.rowNumber(), nc);
            if (key == null) {
                add(t, keyCell, "代码为空：这一行的第一列必须填写代码（请从原表复制，勿自行编写）",
                        "empty key: the first cell of a criteria row must hold its code");
                continue;
            }
            String first = keys.putIfAbsent(key, t.sheet() + "!" + keyCell);
            if (first != null) {
                add(t, keyCell, "代码“" + key + "”重复，已在 " + first + " 出现；每个代码只能有一行",
                        "key \"" + key + "\" appears twice (first at " + first + "); each key has one row");
            }
            for (RuleWorkbook.ColumnSpec c : t.columns()) {
                if (c.template() == null || !c.template().contains("Criterion.")) {
                    continue;
                }
                String v = r.cells().get(c.col());
                String cell = RuleWorkbook.address(r.rowNumber(), c.col());
                checkValue(t, c.template(), key, v, cell, keyCell);
            }
        }
    }

    private void checkValue(RuleWorkbook.Table t, String template, String key, String v, String cell, String keyCell) {
        if (template.contains(PROBLEM_GRADE)) {
            if (v != null && !v.equals("无") && !v.equals("-") && !gradeWords.contains(v)) {
                add(t, cell, "等级“" + v + "”不认识，应填写等级的写法（如 不合格、差）或“无”",
                        "unknown grade \"" + v + "\"; expected a grade word such as 不合格 or 差, or 无 for none");
            }
            return;
        }
        if (v == null) {
            add(t, cell, "“" + key + "”的取值为空，此格必须填写", "empty required cell for " + key);
            return;
        }
        if (template.contains(NUMBER)) {
            checkNumber(t, key, v, cell);
        } else if (template.contains(GRADE_LABEL) && Grade.lookup(key) == null) {
            add(t, keyCell, "等级代码“" + key
                    + "”不认识，应为 EXCELLENT、GOOD、PASS、FAIL 或 POOR", "unknown grade code \"" + key
                    + "\"; expected EXCELLENT, GOOD, PASS, FAIL or POOR");
        } else if (template.contains(SETTING)) {
            checkSetting(t, key, v, cell);
        } else if (template.contains(PROBLEM_LABEL) && (v.contains("{from}") != v.contains("{to}"))) {
            add(t, cell, "问题写法中 {from} 与 {to} 须成对出现", "{from} and {to} must appear together in a wording");
        } else if (template.contains(PROBLEM_LABEL) && ProblemWording.check(v) != null) {
            ProblemWording.Mistake m = ProblemWording.check(v);
            add(t, cell, "问题写法有误：" + m.chinese(), "problem wording: " + m.english());
        }
    }

    private void checkNumber(RuleWorkbook.Table t, String key, String v, String cell) {
        BigDecimal n;
        try {
            n = new BigDecimal(v);
        } catch (NumberFormatException e) {
            add(t, cell, "“" + key + "”应为数字（请用阿拉伯数字，如 4），实际为“" + v + "”",
                    key + ": found \"" + v + "\", expected a number written in digits, e.g. 4 not 四");
            return;
        }
        if (n.signum() < 0) {
            add(t, cell, "“" + key + "”不能为负数，实际为 " + v, key + ": found " + v
                    + ", expected a number >= 0 (days, counts and weights are never negative)");
        } else if (n.compareTo(MAX_NUMBER) > 0) {
            add(t, cell, "“" + key + "”超出范围，不能大于 1000000000，实际为 " + brief(v), key + ": found "
                    + brief(v) + ", expected a number no larger than 1,000,000,000");
        } else if (wholeNumbers.contains(key) && n.stripTrailingZeros().scale() > 0) {
            add(t, cell, "“" + key + "”应为整数（规则按整数读取），实际为 " + v, key + ": found " + v
                    + ", expected a whole number (the rules read " + key + " as a whole number)");
        } else if ((key.endsWith("Rate") || key.endsWith("Percent")) && n.compareTo(BigDecimal.valueOf(100)) > 0) {
            add(t, cell, "“" + key + "”是百分比，不能超过 100，实际为 " + v, key + ": found " + v
                    + ", expected a percentage from 0 to 100");
        }
    }

    /** A number as long as a formula can make it is shown by its start. */
    private static String brief(String v) {
        return v.length() > 20 ? v.substring(0, 20) + "…（" + v.length() + " 位 / digits）" : v;
    }

    private void checkSetting(RuleWorkbook.Table t, String key, String v, String cell) {
        if (key.equals(Criteria.DISPLAY_NAME) && (v.length() > MAX_DISPLAY_NAME || v.contains("\n"))) {
            // It heads every printed annex: a paragraph there would push the table off the page.
            add(t, cell, "显示名称应为一行、最多 " + MAX_DISPLAY_NAME + " 个字符（如 眉县、商丘市），实际为 " + v.length() + " 个字符",
                    "a display name is one line of at most " + MAX_DISPLAY_NAME + " characters (e.g. 眉县); found "
                    + v.length());
        }
        if (key.equals("rankMethod") && RankMethod.lookup(v) == null) {
            add(t, cell, "排名方法“" + v + "”不认识，应为 密集排名、并列跳号 或 顺序排名",
                    "unknown ranking method \"" + v + "\"; expected " + RankMethod.accepted());
        }
        if (key.endsWith("Platforms")) {
            for (String part : v.split(Criteria.PLATFORM_SEPARATORS)) {
                try {
                    if (!part.isBlank()) {
                        Platform.parse(part);
                    }
                } catch (IllegalArgumentException e) {
                    add(t, cell, "平台“" + part + "”不认识，应为 微信公众号、微信服务号、视频号、新浪微博、抖音、今日头条、快手、人民号、客户端 等",
                            "unknown platform \"" + part + "\"; expected a platform code or Chinese name such as 微信公众号");
                }
            }
        }
    }

    private static Optional<RuleWorkbook.ColumnSpec> column(RuleWorkbook.Table t, String marker) {
        return t.columns().stream().filter(c -> c.template() != null && c.template().contains(marker)).findFirst();
    }

    private void add(RuleWorkbook.Table t, String cell, String zh, String en) {
        out.add(new TableCheck(t.sheet(), cell, zh, en));
    }
}
