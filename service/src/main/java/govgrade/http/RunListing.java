package govgrade.http;

import govgrade.facts.PackId;
import govgrade.runs.RunService;
import govgrade.store.RunSummary;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GET /api/v1/runs: stored runs newest first, a page at a time. The cursor ({@code next}, sent
 * back as {@code before}) is the last run's place in storing order, not an offset, so runs stored
 * while a client pages neither repeat nor shift the pages it has not read yet.
 */
final class RunListing {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    static final Pattern VERSION = Pattern.compile("[0-9a-zA-Z._-]{1,128}");
    static final Pattern CURSOR = Pattern.compile("[1-9][0-9]{0,17}");

    private final RunService runs;

    RunListing(RunService runs) {
        this.runs = runs;
    }

    void list(Context ctx) throws Exception {
        String pack = ctx.queryParam("pack");
        if (pack != null && !PackId.isValid(pack)) {
            throw ApiError.badRequest("invalid_parameter", "pack: expected a pack id, " + PackId.RULE, "pack");
        }
        String version = ctx.queryParam("version");
        if (version != null && !VERSION.matcher(version).matches()) {
            throw ApiError.badRequest("invalid_parameter", "version: expected a version id as GET "
                    + "/api/v1/packs/{pack}/versions lists them", "version");
        }
        String period = ctx.queryParam("period");
        if (period != null) {
            try {
                LocalDate.parse(period);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("invalid_parameter", "period: expected a day, YYYY-MM-DD; runs whose "
                        + "period holds it are listed", "period");
            }
        }
        int limit = limit(ctx.queryParam("limit"));
        String before = ctx.queryParam("before");
        if (before != null && !CURSOR.matcher(before).matches()) {
            throw ApiError.badRequest("invalid_parameter", "before: expected the next cursor of an earlier page",
                    "before");
        }
        List<RunSummary> page = runs.list(pack, version, period, limit,
                before == null ? Long.MAX_VALUE : Long.parseLong(before));
        List<Map<String, Object>> items = new ArrayList<>(page.size());
        for (RunSummary r : page) {
            items.add(item(r));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", items);
        // A full page may have more behind it; the one extra empty page this costs is cheaper than a count.
        body.put("next", page.size() == limit ? String.valueOf(page.get(page.size() - 1).order()) : null);
        Responses.json(ctx, 200, body);
    }

    static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other out-of-range value
        }
        throw ApiError.badRequest("invalid_parameter", "limit: expected a whole number from 1 to " + MAX_LIMIT,
                "limit");
    }

    private static Map<String, Object> item(RunSummary r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", r.id());
        m.put("pack", Map.of("id", r.pack(), "version", r.version()));
        if (r.periodFrom() == null) {
            m.put("period", null);
        } else {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("from", r.periodFrom());
            p.put("to", r.periodTo());
            m.put("period", p);
        }
        m.put("createdAt", r.createdAt());
        m.put("results", r.results());
        m.put("grades", r.grades());
        return m;
    }
}
