package govgrade.http;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.facts.PackId;
import govgrade.jobs.JobRequest;
import govgrade.jobs.JobService;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The endpoints of jobs: start one, follow one, list them. HTTP in and out only. */
final class JobHandlers {
    private static final Set<String> FIELDS = Set.of("kind", "pack", "version", "period");
    private static final String SHAPE = "{ \"kind\": \"whatif\" | \"regrade\", \"pack\": ..., \"version\"?: ..., "
            + "\"period\"?: { \"day\" } | { \"from\", \"to\" } }";

    private final JobService jobs;
    private final Requests requests;

    JobHandlers(JobService jobs, Requests requests) {
        this.jobs = jobs;
        this.requests = requests;
    }

    void create(Context ctx) throws Exception {
        JsonNode req = requests.object(ctx, SHAPE);
        for (Iterator<String> names = req.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiError.badRequest("invalid_request", name + ": not a field of a job; expected " + SHAPE, name);
            }
        }
        String kind = Requests.text(req, "kind");
        if (!JobRequest.WHATIF.equals(kind) && !JobRequest.REGRADE.equals(kind)) {
            throw ApiError.badRequest("invalid_request", "kind: expected \"whatif\" (each run regraded as a stored "
                    + "what-if) or \"regrade\" (each run graded again as a new run)", "kind");
        }
        String pack = Requests.text(req, "pack");
        if (pack == null || !PackId.isValid(pack)) {
            throw ApiError.badRequest("invalid_request", "pack: expected a pack id, " + PackId.RULE, "pack");
        }
        String version = Requests.text(req, "version");
        if (version != null && !RunListing.VERSION.matcher(version).matches()) {
            throw ApiError.badRequest("invalid_request", "version: expected a version id as GET "
                    + "/api/v1/packs/{pack}/versions lists them", "version");
        }
        LocalDate from = null;
        LocalDate to = null;
        LocalDate day = null;
        JsonNode period = req.get("period");
        if (period != null && !period.isNull()) {
            if (period.isTextual()) {
                day = day(period, "period");
            } else if (period.isObject() && period.size() == 1 && period.has("day")) {
                day = day(period.get("day"), "period.day");
            } else if (period.isObject() && period.size() == 2 && period.has("from") && period.has("to")) {
                from = day(period.get("from"), "period.from");
                to = day(period.get("to"), "period.to");
                if (from.isAfter(to)) {
                    throw ApiError.badRequest("invalid_request", "period.to: expected a day not before period.from",
                            "period.to");
                }
            } else {
                throw ApiError.badRequest("invalid_request", "period: expected { \"day\" } (runs whose period holds "
                        + "it) or { \"from\", \"to\" } (runs whose period lies within)", "period");
            }
        }
        String who = HeaderText.decode("X-Actor", ctx.header("X-Actor"));
        Map<String, Object> job = jobs.create(new JobRequest(kind, pack, version, from, to, day,
                who == null || who.isBlank() ? null : who.trim()));
        ctx.header("Location", "/api/v1/jobs/" + job.get("job"));
        Responses.json(ctx, 202, job);
    }

    private static LocalDate day(JsonNode n, String path) {
        try {
            if (n.isTextual()) {
                return LocalDate.parse(n.asText());
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiError.badRequest("invalid_request", path + ": expected a day, YYYY-MM-DD", path);
    }

    void job(Context ctx) throws Exception {
        Responses.json(ctx, 200, jobs.find(ctx.pathParam("job")));
    }

    void list(Context ctx) throws Exception {
        int limit = RunListing.limit(ctx.queryParam("limit"));
        String before = ctx.queryParam("before");
        if (before != null && !RunListing.CURSOR.matcher(before).matches()) {
            throw ApiError.badRequest("invalid_parameter", "before: expected the next cursor of an earlier page",
                    "before");
        }
        JobService.Page page = jobs.list(limit, before == null ? Long.MAX_VALUE : Long.parseLong(before));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobs", page.jobs());
        body.put("next", page.next());
        Responses.json(ctx, 200, body);
    }
}
