package govgrade.store;

/** One graded result as a row, for queries that need no JSON. */
public record ResultRow(String subjectType, String subjectId, String channel, String grade, String label,
                        String score, Integer rank, String problems) {
}
