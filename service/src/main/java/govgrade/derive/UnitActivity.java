package govgrade.derive;

import govgrade.facts.Channel;
import govgrade.facts.Group;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A unit's count on one website channel (disclosure, news, submissions, adoption). Counts are
 * null where the batch gives none: such a unit has "no data" and is left unranked.
 */
public final class UnitActivity implements Subject {
    private final UnitFact unit;
    private final Channel channel;
    private final Integer posts;
    private final Integer submitted;
    private final Integer adopted;
    private final Integer adoptedInMonth;
    private final Set<String> findingCodes;
    private final DeclaredValues declared;
    private final boolean listed;
    private final FigureReads reads = new FigureReads();
    private History history = History.none();

    UnitActivity(UnitFact unit, Channel channel, Integer posts, Integer submitted, Integer adopted,
                 Integer adoptedInMonth, Set<String> findingCodes, boolean listed, Map<String, Object> figures) {
        this.unit = unit;
        this.channel = channel;
        this.posts = posts;
        this.submitted = submitted;
        this.adopted = adopted;
        this.adoptedInMonth = adoptedInMonth;
        this.findingCodes = Set.copyOf(findingCodes);
        this.listed = listed;
        this.declared = new DeclaredValues(figures, true);
    }

    /**
     * A unit the batch lists but gives no entry for on {@code channel}; a pack inserts one where
     * its criteria expect every unit to report (Shangnan's zero-submission units).
     */
    public static UnitActivity notListed(UnitFact unit, String channel) {
        return new UnitActivity(unit, Channel.parse(channel), null, null, null, null, Set.of(), false, null);
    }

    @Override
    public String getType() {
        return "unit";
    }

    @Override
    public String getId() {
        return unit.getId();
    }

    @Override
    public String getName() {
        return unit.getName();
    }

    @Override
    public Channel getChannel() {
        return channel;
    }

    @Override
    public Group getGroup() {
        return unit.getGroup();
    }

    @Override
    public String getRegion() {
        return unit.getRegion();
    }

    public UnitFact getUnit() {
        return unit;
    }

    /** The channel code as a string, so rules can compare with a literal. */
    public String getChannelCode() {
        return channel.code();
    }

    public Integer getPosts() {
        return reads.read(Figure.POSTS, posts);
    }

    public Integer getSubmitted() {
        return reads.read(Figure.SUBMITTED, submitted);
    }

    public Integer getAdopted() {
        return reads.read(Figure.ADOPTED, adopted);
    }

    public Integer getAdoptedInMonth() {
        return reads.read(Figure.ADOPTED_IN_MONTH, adoptedInMonth);
    }

    /** False for an entry a rule made up for a unit the batch gave no entry for. */
    public boolean isListed() {
        return listed;
    }

    public Set<String> getFindingCodes() {
        return findingCodes;
    }

    public boolean hasFinding(String code) {
        return findingCodes.contains(code);
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
            case SUBMITTED -> submitted;
            case ADOPTED -> adopted;
            case ADOPTED_IN_MONTH -> adoptedInMonth;
            default -> null;
        };
    }

    /** A finding anywhere in what the unit published (columns, other channels, accounts included). */
    public boolean unitHasFinding(String code) {
        return unit.hasFinding(code);
    }

    /** A declared count (计数) of this activity entry, by its name on the pack's 数据项 sheet; null where the batch gives none. */
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

    /** The declared figures rules read of this activity entry while grading it, name to value (null where absent). */
    @Override
    public Map<String, Object> declaredRead() {
        return declared.read();
    }
}
