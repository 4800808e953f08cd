package govgrade.derive;

import govgrade.facts.Channel;
import govgrade.facts.Group;
import govgrade.facts.Platform;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new-media account with the metrics rules read: last update, days since it at the check
 * date, post counts, every run of days without a post (and without an original post), and
 * how late messages were answered. Rules read these; they never loop over posts.
 */
public final class NewMediaAccount implements Subject {
    private final String id;
    private final String name;
    private final Platform platform;
    private final UnitFact unit;
    private final String region;
    private final Integer posts;
    private final Integer originals;
    private final Integer reposts;
    private final Integer recommendedReposts;
    private final LocalDate lastUpdate;
    private final Integer daysSinceLastUpdate;
    private final PostDays gaps;
    private final PostDays originalGaps;
    private final Set<String> findingCodes;
    private final DeclaredValues declared;
    private final Replies replies;
    private final FigureReads reads = new FigureReads();
    private History history = History.none();
    /** The reply limit the rules counted late replies against, the first time they asked. */
    private Number replyLimit;

    NewMediaAccount(String id, String name, Platform platform, UnitFact unit, String region,
                    Counts counts, LocalDate lastUpdate, Integer daysSinceLastUpdate,
                    PostDays gaps, PostDays originalGaps, Set<String> findingCodes,
                    Replies replies, Map<String, Object> figures) {
        this.id = id;
        this.name = name;
        this.platform = platform;
        this.unit = unit;
        this.region = region;
        this.posts = counts.posts();
        this.originals = counts.originals();
        this.reposts = counts.reposts();
        this.recommendedReposts = counts.recommended();
        this.lastUpdate = lastUpdate;
        this.daysSinceLastUpdate = daysSinceLastUpdate;
        this.gaps = gaps;
        this.originalGaps = originalGaps;
        this.findingCodes = Set.copyOf(findingCodes);
        this.replies = replies;
        this.declared = new DeclaredValues(figures, true);
    }

    /** Post counts; any may be null where the batch gives neither posts nor that aggregate. */
    record Counts(Integer posts, Integer originals, Integer reposts, Integer recommended) {
    }

    @Override
    public String getType() {
        return "account";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Channel getChannel() {
        return Channel.NEW_MEDIA;
    }

    @Override
    public Group getGroup() {
        return unit == null ? null : unit.getGroup();
    }

    @Override
    public String getRegion() {
        return region;
    }

    public Platform getPlatform() {
        return platform;
    }

    /** The owning unit, or null where the circular names none. */
    public UnitFact getUnit() {
        return unit;
    }

    public Integer getPosts() {
        return reads.read(Figure.POSTS, posts);
    }

    public Integer getOriginals() {
        return reads.read(Figure.ORIGINALS, originals);
    }

    public Integer getReposts() {
        return reads.read(Figure.REPOSTS, reposts);
    }

    public Integer getRecommendedReposts() {
        return reads.read(Figure.RECOMMENDED_REPOSTS, recommendedReposts);
    }

    public LocalDate getLastUpdate() {
        return reads.read(Figure.LAST_UPDATE, lastUpdate);
    }

    /** Whole days from the last update to the check date; null where no update date is known. */
    public Integer getDaysSinceLastUpdate() {
        return reads.read(Figure.DAYS_SINCE_LAST_UPDATE, daysSinceLastUpdate);
    }

    /** Every maximal run of days inside the period with no post, oldest first. */
    public List<DateSpan> getGaps() {
        return gaps.gaps();
    }

    /** Every maximal run of days inside the period with no original post, oldest first. */
    public List<DateSpan> getOriginalGaps() {
        return originalGaps.gaps();
    }

    public DateSpan getLongestGap() {
        return Gaps.longest(getGaps());
    }

    public DateSpan getLongestOriginalGap() {
        return Gaps.longest(getOriginalGaps());
    }

    public Set<String> getFindingCodes() {
        return findingCodes;
    }

    public boolean hasFinding(String code) {
        return findingCodes.contains(code);
    }

    public int getMessages() {
        return reads.read(Figure.MESSAGES, replies.received());
    }

    /**
     * Messages answered more than {@code hours} after they came in, or not answered within
     * {@code hours} by the end of the check date. The limit is the pack's; the count is ours.
     */
    public int lateReplies(Number hours) {
        if (replyLimit == null) {
            replyLimit = hours;
        }
        return reads.read(Figure.LATE_REPLIES, replies.laterThan(hours.doubleValue()));
    }

    /** The longest wait for an answer in hours (unanswered messages wait until the check date ends). */
    public double getLongestReplyHours() {
        return reads.read(Figure.LONGEST_REPLY_HOURS, replies.longestHours());
    }

    /** This subject's earlier periods; see {@link History}. */
    @Override
    public History getHistory() {
        return history;
    }

    void attach(History h) {
        history = h;
    }

    @Override
    public boolean wasRead(Figure f) {
        return reads.has(f);
    }

    @Override
    public Object figure(Figure f) {
        return switch (f) {
            case POSTS -> posts;
            case ORIGINALS -> originals;
            case REPOSTS -> reposts;
            case RECOMMENDED_REPOSTS -> recommendedReposts;
            case LAST_UPDATE -> lastUpdate;
            case DAYS_SINCE_LAST_UPDATE -> daysSinceLastUpdate;
            case MESSAGES -> replies.received();
            // Late against the limit the rules used: the limit is the pack's, the count is ours.
            case LATE_REPLIES -> replyLimit == null ? null : replies.laterThan(replyLimit.doubleValue());
            case LONGEST_REPLY_HOURS -> replies.received() == 0 ? null : replies.longestHours();
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "account " + id;
    }

    /** A declared count (计数) of this account, by its name on the pack's 数据项 sheet; null where the batch gives none. */
    public Integer count(String name) {
        return declared.count(name);
    }

    /** A declared number (数值), as a BigDecimal; null where the batch gives none. */
    public BigDecimal number(String name) {
        return declared.number(name);
    }

    /** A declared text (文本); null where the batch gives none. */
    public String text(String name) {
        return declared.text(name);
    }

    /** A declared date (日期); null where the batch gives none. */
    public LocalDate date(String name) {
        return declared.date(name);
    }

    /** A declared yes/no (是否); null where the batch gives none. */
    public Boolean yes(String name) {
        return declared.yes(name);
    }

    /**
     * A declared figure of any type, as the batch gives it (Integer, BigDecimal, String or Boolean;
     * a date as its YYYY-MM-DD string), for code that reads figures by a name it is given.
     */
    @Override
    public Object declared(String name) {
        return declared.declared(name);
    }

    /** The declared figures rules read of this account while grading it, name to value (null where absent). */
    @Override
    public Map<String, Object> declaredRead() {
        return declared.read();
    }
}
