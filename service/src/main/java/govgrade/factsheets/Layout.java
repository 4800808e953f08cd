package govgrade.factsheets;

import govgrade.facts.DeclaredFigure;
import govgrade.facts.DeclaredFigures;
import govgrade.facts.FigurePlace;
import govgrade.facts.FigureType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of a facts workbook: its sheets, and each sheet's columns in order. One definition
 * that the writer (template and filled workbook) and the reader share, so what one writes the
 * other reads. A pack's declared figures (数据项) are extra columns at the end of their sheet.
 */
final class Layout {
    static final String BATCH = "批次";
    static final String UNITS = "单位";
    static final String ACCOUNTS = "账号";
    static final String POSTS = "发文";
    static final String MESSAGES = "留言";
    static final String COLUMNS = "栏目";
    static final String ACTIVITY = "报送与动态";
    static final String FINDINGS = "问题";
    static final String EARLIER = "往期结果";
    static final String HELP = "说明";

    /** The 批次 sheet is label / value rows, not a table: these labels, in rows 2 to 5. */
    static final List<Col> BATCH_ROWS = List.of(
            Col.required("包", "pack", Kind.TEXT, "评分标准包的编号，如 meixian"),
            Col.required("开始日期", "period.from", Kind.DATE, "检查期间的第一天"),
            Col.required("结束日期", "period.to", Kind.DATE, "检查期间的最后一天"),
            Col.of("检查日期", "period.checkDate", Kind.DATE, "检查当天；空着即为结束日期"));

    private static final String FIGURE_PREFIX = "figures.";

    final List<Col> units;
    final List<Col> accounts;
    final List<Col> posts;
    final List<Col> messages;
    final List<Col> columns;
    final List<Col> activity;
    final List<Col> findings;
    final List<Col> earlier;

    /** {@code extra}: figure names a batch carries that the pack does not declare (written as text columns). */
    Layout(DeclaredFigures declared, List<Set<String>> extra) {
        units = with(List.of(
                Col.required("单位编号", "id", Kind.TEXT, "本表内唯一，其他表以此引用单位"),
                Col.of("单位名称", "name", Kind.TEXT, "通报上的名称"),
                Col.required("分组", "group", Kind.GROUP, "乡镇 或 部门：排名在组内进行"),
                Col.of("区域", "region", Kind.TEXT, "汇总归属，如某区或“县直部门”；可空")),
                declared, FigurePlace.UNIT, extra.get(0));
        accounts = with(List.of(
                Col.required("账号编号", "id", Kind.TEXT, "本表内唯一，发文、留言、问题表以此引用账号"),
                Col.of("账号名称", "name", Kind.TEXT, "账号在平台上的名称"),
                Col.required("平台", "platform", Kind.PLATFORM, "从下拉列表选择"),
                Col.of("所属单位编号", "unit", Kind.TEXT, "单位表中的单位编号；可空"),
                Col.of("区域", "region", Kind.TEXT, "空着即取所属单位的区域"),
                Col.of("最后更新日期", "lastUpdate", Kind.DATE, "不填发文明细时填写"),
                Col.of("原创数", "originals", Kind.COUNT, "不填发文明细时填写：期内原创条数"),
                Col.of("转载数", "reposts", Kind.COUNT, "不填发文明细时填写：期内转载条数"),
                Col.of("推荐转载数", "recommendedReposts", Kind.COUNT, "其中转载上级推荐内容的条数"),
                Col.of("最长未更新起", "longestGap.from", Kind.DATE, "已知时填写：最长未更新时段的起止"),
                Col.of("最长未更新止", "longestGap.to", Kind.DATE, ""),
                Col.of("最长未原创起", "longestOriginalGap.from", Kind.DATE, "已知时填写：最长无原创时段的起止"),
                Col.of("最长未原创止", "longestOriginalGap.to", Kind.DATE, "")),
                declared, FigurePlace.ACCOUNT, extra.get(1));
        posts = List.of(
                Col.required("账号编号", "account", Kind.TEXT, "账号表中的账号编号；一条发文一行"),
                Col.required("发文日期", "date", Kind.DATE, ""),
                Col.of("是否原创", "original", Kind.YES_NO, "是 或 否"),
                Col.of("是否推荐", "recommended", Kind.YES_NO, "转载上级推荐内容时填 是"));
        messages = List.of(
                Col.required("账号编号", "account", Kind.TEXT, "账号表中的账号编号；一条留言一行"),
                Col.required("收到时间", "received", Kind.INSTANT, "如 2021-01-05 09:30（北京时间）"),
                Col.of("答复时间", "answered", Kind.INSTANT, "未答复则空着"));
        columns = with(List.of(
                Col.required("单位编号", "unit", Kind.TEXT, "单位表中的单位编号"),
                Col.required("栏目名称", "name", Kind.TEXT, ""),
                Col.required("更新要求", "cadence", Kind.CADENCE, "如 实时更新、2条/月、1条/季度"),
                Col.required("更新条数", "updates", Kind.COUNT, "期内更新条数")),
                declared, FigurePlace.COLUMN, extra.get(2));
        activity = with(List.of(
                Col.required("单位编号", "unit", Kind.TEXT, "单位表中的单位编号"),
                Col.required("渠道", "channel", Kind.CHANNEL, "从下拉列表选择"),
                Col.of("发布条数", "posts", Kind.COUNT, "政府信息公开、快讯动态：期内发布条数"),
                Col.of("报送条数", "submitted", Kind.COUNT, "信息报送：报送条数"),
                Col.of("采用条数", "adopted", Kind.COUNT, "信息报送、信息采用：采用条数（信息采用为累计）"),
                Col.of("当月采用条数", "adoptedInMonth", Kind.COUNT, "信息采用：当月采用条数")),
                declared, FigurePlace.ACTIVITY, extra.get(3));
        findings = List.of(
                Col.required("所在表", "owner", Kind.OWNER, "单位、账号、栏目 或 报送与动态"),
                Col.required("编号", "ref", Kind.TEXT, "账号填账号编号，其余填单位编号"),
                Col.of("栏目名称或渠道", "which", Kind.TEXT, "栏目填栏目名称，报送与动态填渠道"),
                Col.required("问题代码", "code", Kind.TEXT, "如 SERIOUS_WORDING_ERROR"),
                Col.of("说明", "note", Kind.TEXT, "如错误的原文"));
        earlier = List.of(
                Col.required("开始日期", "from", Kind.DATE, "往期的第一天"),
                Col.required("结束日期", "to", Kind.DATE, "往期的最后一天"),
                Col.required("对象类型", "type", Kind.TEXT, "unit（单位）或 account（账号）"),
                Col.required("编号", "id", Kind.TEXT, "单位编号或账号编号"),
                Col.required("渠道", "channel", Kind.CHANNEL, ""),
                Col.of("等级", "grade", Kind.TEXT, "如 PASS、FAIL"),
                Col.of("问题代码", "problems", Kind.CODES, "以逗号分隔"),
                Col.of("数据", "figures", Kind.FIGURES, "名称=数值，以分号分隔，如 posts=0"));
    }

    private static List<Col> with(List<Col> fixed, DeclaredFigures declared, FigurePlace place, Set<String> extra) {
        List<Col> all = new ArrayList<>(fixed);
        Set<String> named = new LinkedHashSet<>();
        for (DeclaredFigure d : declared.at(place)) {
            named.add(d.name());
            all.add(new Col(d.meaning() == null || d.meaning().isBlank() ? d.name() : d.meaning() + "（" + d.name() + "）",
                    FIGURE_PREFIX + d.name(), kindOf(d.type()), d.required(), "数据项 " + d.name() + "（"
                    + d.type().chineseName() + "）"));
        }
        for (String name : extra) {
            if (named.add(name)) {
                all.add(Col.of(name, FIGURE_PREFIX + name, Kind.NUMBER, "数据项 " + name));
            }
        }
        return List.copyOf(all);
    }

    private static Kind kindOf(FigureType type) {
        return switch (type) {
            case COUNT -> Kind.COUNT;
            case NUMBER -> Kind.NUMBER;
            case DATE -> Kind.DATE;
            case TEXT -> Kind.TEXT;
            case YES_NO -> Kind.YES_NO;
        };
    }

    static boolean isFigure(Col c) {
        return c.field().startsWith(FIGURE_PREFIX);
    }

    static String figureName(Col c) {
        return c.field().substring(FIGURE_PREFIX.length());
    }
}
