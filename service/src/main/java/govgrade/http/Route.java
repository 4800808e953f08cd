package govgrade.http;

import java.util.List;

/**
 * Every route the service answers, in one table: the server registers exactly these, and a test
 * holds the OpenAPI description to the same list.
 */
record Route(String method, String path, String summary) {

    static final List<Route> ALL = List.of(
            new Route("POST", "/api/v1/grade", "Grade a fact batch, store batch and run, return the result"),
            new Route("GET", "/api/v1/runs/{run}", "A stored result, exactly as first returned"),
            new Route("GET", "/api/v1/runs", "Stored runs newest first, a page at a time, with their grade counts"),
            new Route("POST", "/api/v1/runs/{run}/whatif", "Regrade a run's batch under another pack version"),
            new Route("GET", "/api/v1/runs/{run}/report.xlsx", "A stored run as an Excel report, as a circular prints its annexes"),
            new Route("GET", "/api/v1/whatifs/{whatif}", "A stored what-if answer"),
            new Route("GET", "/api/v1/whatifs/{whatif}/report.xlsx", "A stored what-if as an Excel sheet of before/after rows"),
            new Route("POST", "/api/v1/runs/{run}/reconcile",
                    "Compare a run with what a circular published; every difference with its facts and rule"),
            new Route("GET", "/api/v1/packs", "Packs with their active version and status"),
            new Route("GET", "/api/v1/packs/{pack}", "A pack's active version, status and compile errors"),
            new Route("GET", "/api/v1/packs/{pack}/versions", "A pack's stored versions, newest first"),
            new Route("GET", "/api/v1/packs/{pack}/facts-template.xlsx",
                    "The pack's facts template: the workbook a county fills with a period's facts"),
            new Route("POST", "/api/v1/packs/{pack}/drafts", "Compile changed files over the active version as a draft"),
            new Route("POST", "/api/v1/packs/{pack}/versions/{version}/publish", "Make a stored version active"),
            new Route("GET", "/api/v1/health", "Liveness, with the active pack versions"),
            new Route("GET", "/api/v1/openapi.json", "This API's OpenAPI description"),
            new Route("GET", "/metrics", "Metrics for Prometheus, in its text format"),
            new Route("GET", "/api/v1/audit", "The audit log: pack changes and refused tokens, newest first"),
            new Route("GET", "/api/v1/packs/{pack}/versions/{version}/workbook.xlsx",
                    "A stored version's workbook, to edit and send back as a draft"),
            new Route("POST", "/api/v1/jobs", "Start a job: every stored run of a pack (of a period) regraded, spread over the instances"),
            new Route("GET", "/api/v1/jobs/{job}", "A job's progress, which instances did its items, and its answer once finished"),
            new Route("GET", "/api/v1/jobs", "Jobs newest first, a page at a time"));
}
