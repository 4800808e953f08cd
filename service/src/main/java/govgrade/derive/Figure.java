package govgrade.derive;

/**
 * A figure of a subject that a circular's annex prints beside the grade: counts, what was due,
 * timeliness. A subject notes which of its figures the rules read while grading it, so a result
 * carries the figures it was graded on and not every figure a batch happens to give.
 */
public enum Figure {
    POSTS,
    SUBMITTED,
    ADOPTED_IN_MONTH,
    ADOPTED,
    UPDATES,
    DUE,
    ORIGINALS,
    REPOSTS,
    RECOMMENDED_REPOSTS,
    MESSAGES,
    LATE_REPLIES,
    LONGEST_REPLY_HOURS,
    LAST_UPDATE,
    DAYS_SINCE_LAST_UPDATE
}
