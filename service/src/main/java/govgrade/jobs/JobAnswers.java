package govgrade.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.grading.ResultJson;
import govgrade.rules.Grade;
import govgrade.store.JobRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A job as the API answers it, made from its rows: counts of its items by state, which instance
 * did how many, how many were claimed again after a lease ran out or a failure, and once
 * finished the answer: grade counts before and after summed over every run done, and per run the
 * what-if (and its number of changes) or the new run. Items are listed in the order their runs
 * were stored, so the answer does not depend on which instance did which item when.
 */
final class JobAnswers {
    private JobAnswers() {
    }

    static Map<String, Object> brief(JobRows.Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job.id());
        m.put("kind", job.kind());
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("id", job.pack());
        pack.put("version", job.version());
        m.put("pack", pack);
        JsonNode period = json(job.params()).get("period");
        // Answered as an object either way, so a client reads one shape: {from, to} or {day}.
        m.put("period", period == null ? null : period.isTextual() ? Map.of("day", period.asText())
                : ResultJson.mapper().convertValue(period, Object.class));
        m.put("who", job.who());
        m.put("createdAt", job.createdAt());
        m.put("state", job.state());
        m.put("finishedAt", job.finishedAt());
        return m;
    }

    static Map<String, Object> full(JobRows.Job job, List<JobRows.Item> items) {
        Map<String, Object> m = brief(job);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String state : List.of("pending", "claimed", "done", "failed")) {
            counts.put(state, 0);
        }
        Map<String, Integer> instances = new TreeMap<>();
        int reclaimed = 0;
        for (JobRows.Item i : items) {
            counts.merge(i.state(), 1, Integer::sum);
            if (i.state().equals("done")) {
                instances.merge(i.doneBy(), 1, Integer::sum);
            }
            if (i.attempts() > 1) {
                reclaimed++;
            }
        }
        Map<String, Object> itemCounts = new LinkedHashMap<>();
        itemCounts.put("total", items.size());
        itemCounts.putAll(counts);
        m.put("items", itemCounts);
        m.put("instances", instances);
        m.put("reclaimed", reclaimed);
        m.put("answer", job.state().equals("finished") ? answer(job, items) : null);
        return m;
    }

    private static Map<String, Object> answer(JobRows.Job job, List<JobRows.Item> items) {
        Map<Grade, Integer> before = new EnumMap<>(Grade.class);
        Map<Grade, Integer> after = new EnumMap<>(Grade.class);
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        int changes = 0;
        for (JobRows.Item i : items) {
            if (!i.state().equals("done")) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("run", i.runId());
                f.put("error", i.errorCode());
                f.put("message", i.errorMessage());
                failed.add(f);
                continue;
            }
            JsonNode summary = json(i.summary());
            add(before, summary.get("before"));
            add(after, summary.get("after"));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("run", i.runId());
            if (job.kind().equals(JobRequest.WHATIF)) {
                r.put("whatif", i.resultId());
                r.put("changes", summary.get("changes").asInt());
                changes += summary.get("changes").asInt();
            } else {
                r.put("newRun", i.resultId());
            }
            runs.add(r);
        }
        Map<String, Object> a = new LinkedHashMap<>();
        Map<String, Object> grades = new LinkedHashMap<>();
        grades.put("before", names(before));
        grades.put("after", names(after));
        a.put("grades", grades);
        if (job.kind().equals(JobRequest.WHATIF)) {
            a.put("changes", changes);
        }
        a.put("runs", runs);
        a.put("failed", failed);
        return a;
    }

    private static void add(Map<Grade, Integer> sum, JsonNode counts) {
        counts.fields().forEachRemaining(e -> sum.merge(Grade.valueOf(e.getKey()), e.getValue().asInt(), Integer::sum));
    }

    /** In the grades' own order, as a what-if lists them. */
    private static Map<String, Integer> names(Map<Grade, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((g, n) -> out.put(g.name(), n));
        return out;
    }

    private static JsonNode json(String text) {
        try {
            return ResultJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
