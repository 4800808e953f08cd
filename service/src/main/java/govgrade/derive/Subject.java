package govgrade.derive;

import govgrade.facts.Channel;
import govgrade.facts.Group;
import java.util.Map;

/**
 * What a result is about: an account on the new-media channel, or a unit on one of its website
 * channels. Rules attach outcomes (problems, verdicts, scores, rank keys) to a subject.
 */
public interface Subject {
    /** {@code account} or {@code unit}. */
    String getType();

    String getId();

    String getName();

    Channel getChannel();

    /** The ranking group; null where the subject has none (an account with no owner). */
    Group getGroup();

    /** The summary bucket; null where the batch names none. */
    String getRegion();

    /** The subject's earlier periods: grade, problems and figures one, two, n periods back. */
    History getHistory();

    /** True when some rule read {@code f} of this subject while grading it. */
    boolean wasRead(Figure f);

    /**
     * The value of {@code f} (an Integer, BigDecimal or LocalDate), null where the subject has
     * none; asking does not count as a read. Grading copies the figures read into the result.
     */
    Object figure(Figure f);

    /**
     * A figure the pack declares (its 数据项 sheet) on this subject, as the batch gives it (Integer,
     * BigDecimal, String or Boolean; a date as its YYYY-MM-DD text), null where absent; a read,
     * shown in the result. For code that reads figures by a name it is given (a weighted sum's
     * table): a subject with no figures of its own (a unit's columns) has none.
     */
    default Object declared(String name) {
        return null;
    }

    /**
     * The figures the pack declares (its 数据项 sheet) that rules read of this subject while grading
     * it, name to value; empty where they read none. Grading copies them into the result.
     */
    default Map<String, Object> declaredRead() {
        return Map.of();
    }
}
