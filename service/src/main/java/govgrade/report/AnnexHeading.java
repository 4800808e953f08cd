package govgrade.report;

import govgrade.grading.GradedRun;

/**
 * How a circular heads each of its annex tables: 附件N on the first line, then the title naming
 * the county and the period (眉县2023年6月政务新媒体检查结果), then the days checked. The county is
 * the pack's display name as the run carries it; a run without one (graded before packs had
 * them) names its pack's id, which is at least the county in pinyin.
 */
final class AnnexHeading {
    static final String ANNEX = "附件";

    private final String county;
    private final String period;
    private final String note;

    private AnnexHeading(String county, String period, String note) {
        this.county = county;
        this.period = period;
        this.note = note;
    }

    static AnnexHeading of(GradedRun run) {
        String name = run.report() == null ? null : run.report().displayName();
        if (name == null && run.pack() != null) {
            name = run.pack().id();
        }
        GradedRun.PeriodOut p = run.period();
        if (p == null || p.from() == null || p.to() == null) {
            return new AnnexHeading(name, "", null);
        }
        String note = "（检查时间：" + PeriodWords.days(p.from(), p.to());
        if (p.checkDate() != null && !p.checkDate().equals(p.to())) {
            note += "，检查日：" + PeriodWords.date(p.checkDate());
        }
        return new AnnexHeading(name, PeriodWords.of(p.from(), p.to()), note + "）");
    }

    /** The heading of the {@code number}th annex, whose own title is {@code title}. */
    TableSheet.Heading annex(int number, String title) {
        return new TableSheet.Heading(ANNEX + number, title(county, period, title), note);
    }

    /**
     * The county, the period and the title, as one title. A pack's title that already begins
     * with the county (西宁市城中区区政府门户网站…) gets the period after it; one that names the county
     * or the period elsewhere is the pack's own wording and stays as written.
     */
    static String title(String county, String period, String title) {
        if (county == null || county.isBlank()) {
            return title.contains(period) ? title : period + title;
        }
        if (title.startsWith(county)) {
            String rest = title.substring(county.length());
            return rest.startsWith(period) ? title : county + period + rest;
        }
        if (title.contains(county) || (!period.isEmpty() && title.contains(period))) {
            return title;
        }
        char last = county.charAt(county.length() - 1);
        // A pack id is pinyin: a space keeps it from running into the year.
        String gap = last < 0x80 && Character.isLetterOrDigit(last) ? " " : "";
        return county + gap + period + title;
    }
}
