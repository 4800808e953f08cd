package govgrade.factsheets;

/** What a cell of a facts sheet holds, and so how it is read, written and validated. */
enum Kind {
    TEXT,
    /** A calendar day: an Excel date, or text such as 2023-06-01, 2023/6/1 or 2023年6月1日. */
    DATE,
    /** A whole number >= 0. */
    COUNT,
    /** Any number (a declared figure of type 数值). */
    NUMBER,
    /** 是 or 否 (also TRUE/FALSE, 1/0). */
    YES_NO,
    /** An instant: ISO text with its offset, or an Excel date and time read as Beijing time. */
    INSTANT,
    PLATFORM,
    GROUP,
    CHANNEL,
    CADENCE,
    /** The sheet a finding belongs to: 单位, 账号, 栏目 or 报送与动态. */
    OWNER,
    /** Problem codes, separated by commas (an earlier result's). */
    CODES,
    /** An earlier result's figures as name=value pairs separated by semicolons. */
    FIGURES
}
