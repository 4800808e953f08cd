package govgrade.http;

import govgrade.store.Audit;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log over HTTP: pack changes with who (X-Actor), which role and from where; refused
 * tokens with the role the request needed and the address, never the token; and GET
 * /api/v1/audit for the rule authors (admin token).
 */
final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final Pattern CURSOR = Pattern.compile("[1-9][0-9]{0,17}");

    private final Audit audit;
    private final Roles roles;

    AuditTrail(Audit audit, Roles roles) {
        this.audit = audit;
        this.roles = roles;
    }

    /**
     * A pack change that succeeded: draft, publish or revert. The change is done and stored by then,
     * so a store failure here is logged, not thrown: a done publish answered 500 would have a client
     * retry or report a failure for a version that is live.
     */
    void change(Context ctx, String action, Roles.Role role, String pack, String version) {
        write(action, actor(ctx, role), role, ctx.ip(), pack, version, ctx.method().name() + " " + ctx.path());
    }

    /**
     * A draft or publish refused after its token passed (draft_refused, publish_refused), with why:
     * the answer's error code where the handler knows it, else the refusal's kind. Who tried to change
     * a pack and failed is as much the audit's business as who succeeded.
     */
    void refusedChange(Context ctx, String action, Roles.Role role, String pack, String version, Exception why) {
        String reason = why instanceof ApiError e ? e.code : why.getClass().getSimpleName();
        write(action, actor(ctx, role), role, ctx.ip(), pack, version, ctx.method().name() + " " + ctx.path() + ": "
                + reason);
    }

    private void write(String action, String actor, Roles.Role role, String address, String pack, String version,
                       String detail) {
        try {
            audit.record(action, actor, role.name().toLowerCase(java.util.Locale.ROOT), address, pack, version, detail);
        } catch (SQLException | RuntimeException e) {
            LOG.error("{} of {} {} could not be audited: {}", action, pack, version, e.toString());
        }
    }

    /** X-Actor as the request spells it, or null when it cannot be read (a refusal may be about it). */
    private static String actor(Context ctx, Roles.Role role) {
        try {
            return Requests.actor(ctx, role);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A token refused. Failing to record it must not change the answer the client gets (403), so a
     * store failure here is logged, not thrown.
     */
    void refused(Context ctx) {
        try {
            audit.record("token_refused", null, needed(ctx.path()), ctx.ip(), ctx.pathParamMap().get("pack"), null,
                    ctx.method().name() + " " + ctx.path());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("a refused token could not be audited: {}", e.toString());
        }
    }

    /** The role a request needed, told by its path. */
    private static String needed(String path) {
        if (path.endsWith("/drafts") || path.endsWith("/publish")) {
            return "author or editor";
        }
        if (path.equals("/api/v1/audit")) {
            return "author";
        }
        if (path.equals("/metrics")) {
            return "metrics";
        }
        if (path.equals("/api/v1/runs")) {
            return "any";
        }
        return "grader";
    }

    void list(Context ctx) throws Exception {
        roles.author(ctx.header("Authorization"));
        int limit = RunListing.limit(ctx.queryParam("limit"));
        String before = ctx.queryParam("before");
        if (before != null && !CURSOR.matcher(before).matches()) {
            throw ApiError.badRequest("invalid_parameter", "before: expected the next cursor of an earlier page",
                    "before");
        }
        List<Audit.Entry> page = audit.list(limit, before == null ? Long.MAX_VALUE : Long.parseLong(before));
        List<Map<String, Object>> items = new ArrayList<>(page.size());
        for (Audit.Entry e : page) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at());
            m.put("action", e.action());
            m.put("actor", e.actor());
            m.put("role", e.role());
            m.put("address", e.address());
            m.put("pack", e.pack());
            m.put("version", e.version());
            m.put("detail", e.detail());
            items.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", items);
        body.put("next", page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null);
        Responses.json(ctx, 200, body);
    }
}
