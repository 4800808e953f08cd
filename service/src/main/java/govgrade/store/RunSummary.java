package govgrade.store;

import java.util.Map;

/**
 * One stored run as the runs listing names it. {@code order} is its place in storing order, the
 * listing's cursor; {@code periodFrom}/{@code periodTo} are null for runs stored before periods
 * were kept; {@code grades} counts results by grade code (a result without a grade counts only in
 * {@code results}).
 */
public record RunSummary(long order, String id, String pack, String version, String periodFrom, String periodTo,
                         String createdAt, int results, Map<String, Integer> grades) {
}
