package govgrade.runs;

import govgrade.grading.GradedRun;
import govgrade.rules.Grade;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares two gradings of one batch subject by subject. */
final class Diff {
    private Diff() {
    }

    static List<WhatIf.Change> changes(GradedRun before, GradedRun after) {
        Map<String, GradedRun.Result> old = index(before);
        Map<String, GradedRun.Result> now = index(after);
        List<WhatIf.Change> out = new ArrayList<>();
        for (var e : old.entrySet()) {
            GradedRun.Result b = e.getValue();
            GradedRun.Result a = now.get(e.getKey());
            WhatIf.Outcome ob = outcome(b);
            WhatIf.Outcome oa = a == null ? null : outcome(a);
            if (!same(ob, oa)) {
                out.add(new WhatIf.Change(b.subject(), b.channel(), ob, oa));
            }
        }
        for (var e : now.entrySet()) {
            if (!old.containsKey(e.getKey())) {
                GradedRun.Result a = e.getValue();
                out.add(new WhatIf.Change(a.subject(), a.channel(), null, outcome(a)));
            }
        }
        return out;
    }

    static Map<String, Integer> gradeCounts(GradedRun run) {
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        for (GradedRun.Result r : run.results()) {
            if (r.grade() != null) {
                counts.merge(Grade.valueOf(r.grade()), 1, Integer::sum);
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((g, n) -> out.put(g.name(), n));
        return out;
    }

    private static Map<String, GradedRun.Result> index(GradedRun run) {
        Map<String, GradedRun.Result> out = new LinkedHashMap<>();
        for (GradedRun.Result r : run.results()) {
            out.put(r.subject().type() + "\u0000" + r.subject().id() + "\u0000" + r.channel(), r);
        }
        return out;
    }

    private static WhatIf.Outcome outcome(GradedRun.Result r) {
        return new WhatIf.Outcome(r.grade(), r.label(), r.rank(), r.score(), r.problems());
    }

    private static boolean same(WhatIf.Outcome a, WhatIf.Outcome b) {
        if (a == null || b == null) {
            return a == b;
        }
        boolean scores = a.score() == null ? b.score() == null : b.score() != null && a.score().compareTo(b.score()) == 0;
        return scores && Objects.equals(a.grade(), b.grade()) && Objects.equals(a.label(), b.label())
                && Objects.equals(a.rank(), b.rank()) && Objects.equals(a.problems(), b.problems());
    }
}
