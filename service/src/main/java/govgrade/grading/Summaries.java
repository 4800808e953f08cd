package govgrade.grading;

import govgrade.grading.GradedRun.Result;
import govgrade.grading.GradedRun.Summary;
import govgrade.rules.Grade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts per region and channel, as a circular's summary table prints them. */
final class Summaries {
    private Summaries() {
    }

    /**
     * One summary per region and graded channel, regions in order of first appearance; then,
     * where {@code totalName} is set, one over all regions under that name (e.g. 全市).
     */
    static List<Summary> of(List<Result> results, String totalName) {
        Map<String, Map<String, List<Result>>> byChannel = new LinkedHashMap<>();
        for (Result r : results) {
            if (r.grade() == null) {
                continue;
            }
            Map<String, List<Result>> byRegion = byChannel.computeIfAbsent(r.channel(), k -> new LinkedHashMap<>());
            if (r.subject().region() != null) {
                byRegion.computeIfAbsent(r.subject().region(), k -> new ArrayList<>()).add(r);
            }
            if (totalName != null && !totalName.isBlank()) {
                byRegion.computeIfAbsent("\u0000total", k -> new ArrayList<>()).add(r);
            }
        }
        List<Summary> out = new ArrayList<>();
        byChannel.forEach((channel, byRegion) -> {
            List<Result> total = byRegion.remove("\u0000total");
            byRegion.forEach((region, rs) -> out.add(summary(region, channel, rs)));
            if (total != null && byRegion.size() != 1) {
                out.add(summary(totalName, channel, total));
            }
        });
        return out;
    }

    static Summary summary(String region, String channel, List<Result> rs) {
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        int failed = 0;
        for (Result r : rs) {
            Grade g = Grade.valueOf(r.grade());
            counts.merge(g, 1, Integer::sum);
            failed += g.failing() ? 1 : 0;
        }
        Map<String, Integer> grades = new LinkedHashMap<>();
        counts.forEach((g, n) -> grades.put(g.name(), n));
        return new Summary(region, channel, rs.size(), failed, passRate(rs.size() - failed, rs.size()), grades);
    }

    /** Percent passed, one decimal, half-up, computed exactly: 58 of 74 is 78.4, 13 of 16 is 81.3. */
    static BigDecimal passRate(int passed, int checked) {
        if (checked == 0) {
            return null;
        }
        return BigDecimal.valueOf(passed).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(checked), 1, RoundingMode.HALF_UP);
    }
}
