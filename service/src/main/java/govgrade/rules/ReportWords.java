package govgrade.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words a pack gives its Excel report, as its circular's annexes print them: the summary
 * sheet's name and title, and each channel's sheet name and title. Only what the pack says is
 * held; the report uses its own words for the rest (null here), so a pack that says nothing
 * reports as it always did.
 *
 * @param summarySheet the summary sheet's name (the report's 汇总), or null
 * @param title        the report's title, row 1 of the summary sheet (检查结果汇总), or null
 * @param channels     channel code to its words; a channel the pack does not name is absent
 * @param displayName  the county as its circulars write it (眉县, 商丘市: the 设置 row displayName),
 *                     which the report's titles print in place of the pack's id; or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReportWords(String summarySheet, String title, Map<String, ChannelWords> channels,
                          String displayName) implements Serializable {
    public static final ReportWords NONE = new ReportWords(null, null, Map.of(), null);

    public ReportWords {
        channels = channels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(channels));
    }

    /** The words of the 报表 sheet alone, which names no county. */
    public ReportWords(String summarySheet, String title, Map<String, ChannelWords> channels) {
        this(summarySheet, title, channels, null);
    }

    /** These words with the county's display name (a blank one is none). */
    public ReportWords withDisplayName(String name) {
        return new ReportWords(summarySheet, title, channels, name == null || name.isBlank() ? null : name.strip());
    }

    /** A channel's sheet name and title (row 1 of its sheet), either null where the pack says nothing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChannelWords(String sheet, String title) implements Serializable {
    }

    /** True when the pack names nothing: its runs carry no words and its report is the default one. */
    public boolean saysNothing() {
        return summarySheet == null && title == null && channels.isEmpty() && displayName == null;
    }

    /** The words of {@code channel}, or none. */
    public ChannelWords channel(String channel) {
        ChannelWords w = channels.get(channel);
        return w == null ? new ChannelWords(null, null) : w;
    }
}
