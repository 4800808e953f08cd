// Every operation of the served document through openapi-fetch, typed by openapi-typescript from
// that document, against a live server. Each answer is written, as received, to the exchanges file
// for TypeScriptClientTest to hold to the document's schemas; a failed expectation here exits 1.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { components, paths } from "../gen/api.js";

type Schemas = components["schemas"];
type Exchange = { method: string; path: string; status: number; contentType: string | null; body: string };

const argv = process.argv.slice(2);
if (argv.length !== 6 || argv.some((a) => !a)) {
  console.error("usage: run.js <base url> <admin token> <grader token> <project root> <annex.xlsx> <exchanges.json>");
  process.exit(2);
}
const [base, adminToken, graderToken, root, annexFile, out] = argv as [string, string, string, string, string, string];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const exchanges: Exchange[] = [];

const recorder: Middleware = {
  async onResponse({ request, response }) {
    const body = Buffer.from(await response.clone().arrayBuffer());
    exchanges.push({
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      contentType: response.headers.get("content-type"),
      body: body.toString("base64"),
    });
    return undefined;
  },
};

function client(token?: string): Client<paths> {
  const c = createClient<paths>({ baseUrl: base, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  c.use(recorder);
  return c;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

function fixtures(): { batch: string; expected: string }[] {
  const all: { batch: string; expected: string }[] = [];
  for (const pack of readdirSync(join(root, "fixtures")).sort()) {
    for (const f of readdirSync(join(root, "fixtures", pack)).sort()) {
      if (f.endsWith(".expected.json")) {
        const expected = join(root, "fixtures", pack, f);
        all.push({ batch: expected.replace(/\.expected\.json$/, ".json"), expected });
      }
    }
  }
  return all;
}

const grader = client(graderToken);
const admin = client(adminToken);
const anonymous = client();
const runs = new Map<string, string>();

async function gradeEveryFixture(): Promise<void> {
  const all = fixtures();
  check(all.length >= 8, `the bundled fixtures: ${all.length}`);
  for (const { batch, expected } of all) {
    const body = JSON.parse(readFileSync(batch, "utf8")) as Schemas["FactBatch"];
    const graded = await grader.POST("/api/v1/grade", { body });
    check(graded.data, `${batch}: grade answered ${graded.response.status} ${JSON.stringify(graded.error)}`);
    const run = graded.data.run;
    runs.set(graded.data.pack.id, run);
    const back = await grader.GET("/api/v1/runs/{run}", { params: { path: { run } } });
    check(back.data?.results.length === graded.data.results.length, `${batch}: read back`);
    const same = await grader.POST("/api/v1/runs/{run}/whatif", { params: { path: { run } }, body: {} });
    check(same.data && same.data.changes.length === 0, `${batch}: regraded by its own version, nothing changes`);
    const stored = await grader.GET("/api/v1/whatifs/{whatif}", { params: { path: { whatif: same.data.id } } });
    check(stored.data?.id === same.data.id, `${batch}: the what-if read back`);
    const figures = JSON.parse(readFileSync(expected, "utf8")) as Schemas["PublishedFigures"];
    const rec = await grader.POST("/api/v1/runs/{run}/reconcile", { params: { path: { run } }, body: figures });
    check(rec.data && rec.data.figures > 0, `${batch}: reconciled ${JSON.stringify(rec.error)}`);
    console.log(`${batch}: ${graded.data.results.length} results, ${rec.data.reproduced}/${rec.data.figures} figures`);
  }
}

async function reports(): Promise<void> {
  const run = runs.get("meixian");
  check(run, "a meixian run");
  const report = await grader.GET("/api/v1/runs/{run}/report.xlsx", { params: { path: { run } }, parseAs: "arrayBuffer" });
  check(report.data && new Uint8Array(report.data)[0] === 0x50, "the run's report is an .xlsx (a zip)");
  const w = await grader.POST("/api/v1/runs/{run}/whatif", { params: { path: { run } }, body: {} });
  check(w.data, "a what-if");
  const wr = await grader.GET("/api/v1/whatifs/{whatif}/report.xlsx",
    { params: { path: { whatif: w.data.id } }, parseAs: "arrayBuffer" });
  check(wr.data && wr.data.byteLength > 1000, "the what-if's report");
  // The annex as the whole body: typed as the operation's JSON form, sent as its bytes.
  const annex = readFileSync(annexFile);
  const rec = await grader.POST("/api/v1/runs/{run}/reconcile", {
    params: { path: { run } },
    body: annex as unknown as Schemas["PublishedFigures"],
    bodySerializer: (b) => b as unknown as BodyInit,
    headers: { "Content-Type": XLSX },
  });
  check(rec.data?.figures === 3 && rec.data.differences.length === 1, `the annex reconciled: ${JSON.stringify(rec.data ?? rec.error)}`);
}

async function factsTemplate(): Promise<void> {
  const template = await grader.GET("/api/v1/packs/{pack}/facts-template.xlsx",
    { params: { path: { pack: "meixian" } }, parseAs: "arrayBuffer" });
  check(template.data && new Uint8Array(template.data)[0] === 0x50, "meixian's facts template is an .xlsx");
  // The template's example row is a batch of one unit: sent as the whole body, typed as the JSON form.
  const graded = await grader.POST("/api/v1/grade", {
    body: new Uint8Array(template.data) as unknown as Schemas["FactBatch"],
    bodySerializer: (b) => b as unknown as BodyInit,
    headers: { "Content-Type": XLSX },
  });
  check(graded.data?.pack.id === "meixian", `the template graded: ${JSON.stringify(graded.error)}`);
}

async function runsListing(): Promise<void> {
  const seen = new Set<string>();
  let before: string | undefined;
  do {
    const page = await grader.GET("/api/v1/runs", { params: { query: { limit: 3, before } } });
    check(page.data, `runs listing: ${JSON.stringify(page.error)}`);
    page.data.runs.forEach((r) => check(!seen.has(r.run) && seen.add(r.run), `listed once: ${r.run}`));
    before = page.data.next ?? undefined;
  } while (before);
  for (const run of runs.values()) {
    check(seen.has(run), `run ${run} listed`);
  }
  const refused = await anonymous.GET("/api/v1/runs", {});
  check(refused.response.status === 401, `the listing without a token: ${refused.response.status}`);
}

async function packsDraftAndPublish(): Promise<void> {
  const packs = await admin.GET("/api/v1/packs", {});
  check(packs.data && packs.data.length >= 7, "bundled packs");
  for (const p of packs.data) {
    const one = await admin.GET("/api/v1/packs/{pack}", { params: { path: { pack: p.id } } });
    check(one.data?.id === p.id, p.id);
    const versions = await admin.GET("/api/v1/packs/{pack}/versions", { params: { path: { pack: p.id } } });
    check(versions.data && versions.data.length > 0, `${p.id} versions`);
    if (one.data?.version) {
      const workbook = await admin.GET("/api/v1/packs/{pack}/versions/{version}/workbook.xlsx",
        { params: { path: { pack: p.id, version: one.data.version } }, parseAs: "arrayBuffer" });
      check(workbook.data && new Uint8Array(workbook.data)[0] === 0x50, `${p.id}: the active version's workbook is an .xlsx`);
    }
  }
  const drl = readFileSync(join(root, "rules-drl/meixian/meixian.drl"), "utf8") + "\n// a draft sent by the TypeScript client\n";
  const draft = await admin.POST("/api/v1/packs/{pack}/drafts", {
    params: { path: { pack: "meixian" }, header: { "X-Actor": "ts-client" } },
    body: { file: [] },
    bodySerializer: () => {
      const form = new FormData();
      form.append("file", new Blob([drl], { type: "text/plain" }), "meixian.drl");
      return form;
    },
  });
  check(draft.data && !draft.data.alreadyStored, `a new draft: ${JSON.stringify(draft.error)}`);
  const version = draft.data.version;
  const published = await admin.POST("/api/v1/packs/{pack}/versions/{version}/publish",
    { params: { path: { pack: "meixian", version }, header: { "X-Actor": "ts-client" } } });
  check(published.data?.version === version, `published: ${JSON.stringify(published.error)}`);
  const audit = await admin.GET("/api/v1/audit", { params: { query: { limit: 50 } } });
  check(audit.data?.entries.some((e) => e.action === "publish" && e.version === version && e.actor === "ts-client"),
    "the publish is audited with who");
  const forbidden = await grader.GET("/api/v1/audit", {});
  check(forbidden.response.status === 403, `the audit for a grader: ${forbidden.response.status}`);
}

async function service(): Promise<void> {
  const health = await anonymous.GET("/api/v1/health", {});
  check(health.data?.status === "ok", `health: ${JSON.stringify(health.data)}`);
  const metrics = await anonymous.GET("/metrics", { parseAs: "text" });
  check(typeof metrics.data === "string" && metrics.data.includes("# TYPE"), "Prometheus text");
  const doc = await anonymous.GET("/api/v1/openapi.json", {});
  check(doc.data, "the document");
}

async function errors(): Promise<void> {
  const missing = await grader.GET("/api/v1/runs/{run}", { params: { path: { run: "nope" } } });
  check(missing.response.status === 404 && typeof missing.error?.error === "string", `an unknown run: ${missing.response.status}`);
  const run = runs.get("meixian");
  check(run, "a meixian run");
  const other = await grader.POST("/api/v1/runs/{run}/whatif", { params: { path: { run } }, body: { pack: "luoshan" } });
  check(other.response.status === 400 && other.error?.error === "pack_mismatch", "another pack's what-if");
}

async function jobs(): Promise<void> {
  const started = await grader.POST("/api/v1/jobs", { body: { kind: "whatif", pack: "meixian" } });
  check(started.response.status === 202 && started.data, `a job started: ${started.response.status}`);
  const id = started.data.job;
  let job = started.data;
  for (let i = 0; i < 600 && job.state !== "finished"; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await grader.GET("/api/v1/jobs/{job}", { params: { path: { job: id } } });
    check(now.data, "the job read back");
    job = now.data;
  }
  check(job.state === "finished" && job.items.done === job.items.total, `the job finished: ${JSON.stringify(job.items)}`);
  check(job.answer && job.answer.runs.length === job.items.total, "an answer per run");
  const listed = await grader.GET("/api/v1/jobs", { params: { query: { limit: 5 } } });
  check(listed.data && listed.data.jobs[0]?.job === id, "the job listed first");
  const none = await grader.GET("/api/v1/jobs/{job}", { params: { path: { job: "nope" } } });
  check(none.response.status === 404 && none.error?.error === "unknown_job", "an unknown job");
}

let failed = false;
try {
  await gradeEveryFixture();
  await reports();
  await factsTemplate();
  await runsListing();
  await packsDraftAndPublish();
  await service();
  await errors();
  await jobs();
} catch (e) {
  failed = true;
  console.error(e instanceof Error ? e.stack : e);
} finally {
  writeFileSync(out, JSON.stringify(exchanges));
  console.log(`${exchanges.length} answers written to ${out}`);
}
process.exit(failed ? 1 : 0);
