package govgrade.report;

import govgrade.rules.ReportWords;

/**
 * The words a report prints for its sheets: the pack's, as its run carries them, or the report's
 * own where the pack says nothing (a run of such a pack, or one stored before packs could say).
 */
final class Wording {
    static final String SUMMARY_TITLE = "检查结果汇总";
    static final String CHANNEL_TITLE = "检查结果";

    private final ReportWords words;

    Wording(ReportWords words) {
        this.words = words == null ? ReportWords.NONE : words;
    }

    String summarySheet() {
        return or(words.summarySheet(), SummarySheet.NAME);
    }

    String summaryTitle() {
        return or(words.title(), SUMMARY_TITLE);
    }

    /** The pack's word for a channel, which names its sheet and its rows on the summary sheet. */
    String channel(String code) {
        return or(words.channel(code).sheet(), RunReport.channelName(code));
    }

    /** Row 1 of a channel's sheet: the pack's title, or its name and 检查结果. */
    String channelTitle(String code) {
        return or(words.channel(code).title(), channel(code) + CHANNEL_TITLE);
    }

    private static String or(String given, String otherwise) {
        return given == null || given.isBlank() ? otherwise : given;
    }
}
