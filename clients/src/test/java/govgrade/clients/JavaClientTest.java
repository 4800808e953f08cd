package govgrade.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.reflect.TypeToken;
import govgrade.clients.gen.ApiClient;
import govgrade.clients.gen.ApiException;
import govgrade.clients.gen.api.GradingApi;
import govgrade.clients.gen.api.JobsApi;
import govgrade.clients.gen.api.PacksApi;
import govgrade.clients.gen.api.ReportsApi;
import govgrade.clients.gen.api.RunsApi;
import govgrade.clients.gen.api.ServiceApi;
import govgrade.clients.gen.api.WhatIfApi;
import govgrade.clients.gen.model.AuditEntry;
import govgrade.clients.gen.model.Draft;
import govgrade.clients.gen.model.FactBatch;
import govgrade.clients.gen.model.GradedRun;
import govgrade.clients.gen.model.Job;
import govgrade.clients.gen.model.JobRequest;
import govgrade.clients.gen.model.PackVersion;
import govgrade.clients.gen.model.Published;
import govgrade.clients.gen.model.PublishedFigures;
import govgrade.clients.gen.model.Reconciliation;
import govgrade.clients.gen.model.RunList;
import govgrade.clients.gen.model.WhatIf;
import govgrade.clients.gen.model.WhatIfRequest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * openapi-generator 7.25.0's Java client (okhttp-gson), generated from the served document and
 * compiled as generated, against the shaded jar on loopback: every bundled fixture graded, read
 * back, regraded and reconciled through it, every other operation called as an integrator would,
 * every answer held to the document, and the last test fails if the document names an operation
 * no test called (an operation added later needs its case here).
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JavaClientTest {
    static final String ADMIN = "clients-admin-token";
    static final String GRADER = "clients-grader-token";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Path HOME = Path.of("").toAbsolutePath();

    @TempDir
    static Path dir;
    static ServedJar server;
    static DocumentCheck doc;
    static final List<String> runs = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = ServedJar.start(HOME, dir, Map.of("GOVGRADE_ADMIN_TOKEN", ADMIN, "GOVGRADE_GRADER_TOKEN", GRADER));
        doc = new DocumentCheck();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static ApiClient client(String token) {
        ApiClient c = new ApiClient();
        c.setBasePath(server.base());
        c.setHttpClient(c.getHttpClient().newBuilder().addInterceptor(new Recorder(doc))
                .readTimeout(Duration.ofSeconds(120)).build());
        if (token != null) {
            c.setBearerToken(token);
        }
        return c;
    }

    static List<Path> expectedFiles() throws Exception {
        try (Stream<Path> s = Files.walk(HOME.resolve("fixtures"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
        }
    }

    static Path batchOf(Path expected) {
        return expected.resolveSibling(expected.getFileName().toString().replace(".expected.json", ".json"));
    }

    @Test
    @Order(1)
    void everyFixtureGradesReadsBackRegradesAndReconcilesThroughTheClient() throws Exception {
        ApiClient c = client(GRADER);
        GradingApi grading = new GradingApi(c);
        WhatIfApi whatIf = new WhatIfApi(c);
        RunsApi reconcile = new RunsApi(c);
        List<Path> fixtures = expectedFiles();
        assertTrue(fixtures.size() >= 8, "the bundled fixtures: " + fixtures);
        for (Path expected : fixtures) {
            String name = HOME.relativize(batchOf(expected)).toString();
            FactBatch batch = FactBatch.fromJson(Files.readString(batchOf(expected), StandardCharsets.UTF_8));
            GradedRun run = grading.gradeBatch(batch, null);
            runs.add(run.getRun());
            assertFalse(run.getResults().isEmpty(), name);
            if (name.contains("luoshan")) {
                // Luoshan's circular grades no subject (it prints problems only): every grade is null, read as null.
                assertTrue(run.getResults().stream().allMatch(r -> r.getGrade() == null), name);
            }
            GradedRun back = grading.getRun(run.getRun());
            assertEquals(run.getResults(), back.getResults(), name + ": read back as graded");

            WhatIf same = whatIf.whatIf(run.getRun(), new WhatIfRequest());
            assertTrue(same.getChanges().isEmpty(), name + ": regraded by its own version, nothing changes: "
                    + same.getChanges());
            assertEquals(same.getChanges(), whatIf.getWhatIf(same.getId()).getChanges(), name);

            // The typed call against the file as published: the same figures as the file's bytes sent as they are.
            String figures = Files.readString(expected, StandardCharsets.UTF_8);
            Reconciliation typed = reconcile.reconcileRun(run.getRun(), PublishedFigures.fromJson(figures));
            Reconciliation raw = send(c, "/api/v1/runs/" + run.getRun() + "/reconcile", "application/json",
                    figures.getBytes(StandardCharsets.UTF_8));
            assertEquals(raw.getFigures(), typed.getFigures(), name + ": figures compared, typed vs as published");
            assertEquals(raw.getReproduced(), typed.getReproduced(), name + ": reproduced, typed vs as published");
            assertTrue(typed.getFigures() > 0, name);
        }
    }

    @Test
    @Order(2)
    void reportsComeAsWorkbooksAndTheAnnexReconciles() throws Exception {
        ApiClient c = client(GRADER);
        ReportsApi reports = new ReportsApi(c);
        String run = runs.get(0);
        File report = reports.runReport(run);
        byte[] bytes = Files.readAllBytes(report.toPath());
        assertTrue(bytes.length > 1000 && bytes[0] == 'P' && bytes[1] == 'K', "an .xlsx (a zip): " + bytes.length);
        WhatIf w = new WhatIfApi(c).whatIf(run, null);
        byte[] whatIfReport = Files.readAllBytes(reports.whatIfReport(w.getId()).toPath());
        assertTrue(whatIfReport.length > 1000 && whatIfReport[0] == 'P', "an .xlsx (a zip)");
        // The document's second form of reconcile: a circular's annex as the whole body. The typed method
        // sends JSON only (one method per operation), so the client's own ApiClient sends it.
        Reconciliation annex = send(c, "/api/v1/runs/" + runOf(c, "meixian") + "/reconcile", XLSX, Annex.meixian());
        assertEquals(3, annex.getFigures(), "the annex's three grades compared");
        assertEquals(1, annex.getDifferences().size(), "the one grade the annex prints otherwise");
        assertEquals("合格", annex.getDifferences().get(0).getPublished(), "in the annex's words");
    }

    @Test
    @Order(2)
    void aPacksFactsTemplateGradesAsAWorkbookBody() throws Exception {
        ApiClient c = client(GRADER);
        byte[] template = Files.readAllBytes(new PacksApi(c).factsTemplate("meixian").toPath());
        assertTrue(template.length > 1000 && template[0] == 'P' && template[1] == 'K', "an .xlsx: " + template.length);
        // The template's example row is a batch of one unit; sent whole, it is graded and stored as JSON would be.
        GradedRun graded = send(c, "/api/v1/grade", XLSX, template, new TypeToken<GradedRun>() { });
        assertEquals("meixian", graded.getPack().getId());
        assertEquals(graded.getPack().getVersion(), new GradingApi(c).getRun(graded.getRun()).getPack().getVersion());
    }

    static String runOf(ApiClient c, String pack) throws ApiException {
        for (String r : runs) {
            if (new GradingApi(c).getRun(r).getPack().getId().equals(pack)) {
                return r;
            }
        }
        throw new AssertionError("no " + pack + " run among " + runs);
    }

    @Test
    @Order(3)
    void runsListingPagesNewestFirst() throws Exception {
        GradingApi grading = new GradingApi(client(GRADER));
        RunList first = grading.listRuns(null, null, null, 3, null);
        assertEquals(3, first.getRuns().size());
        assertNotNull(first.getNext());
        Set<String> seen = new TreeSet<>();
        RunList page = first;
        while (true) {
            page.getRuns().forEach(r -> assertTrue(seen.add(r.getRun()), "listed once: " + r.getRun()));
            if (page.getNext() == null) {
                break;
            }
            page = grading.listRuns(null, null, null, 3, page.getNext());
        }
        assertTrue(seen.containsAll(runs), "every run graded here is listed");
        RunList meixian = grading.listRuns("meixian", null, null, null, null);
        assertTrue(meixian.getRuns().stream().allMatch(r -> r.getPack().getId().equals("meixian")));
        ApiException bad = assertThrows(ApiException.class, () -> grading.listRuns(null, null, null, 0, null));
        assertEquals(400, bad.getCode());
    }

    @Test
    @Order(4)
    void packsVersionsDraftAndPublishWithTokens() throws Exception {
        PacksApi admin = new PacksApi(client(ADMIN));
        var packs = admin.listPacks();
        assertTrue(packs.size() >= 7, "bundled packs: " + packs.size());
        for (var p : packs) {
            assertEquals(p.getId(), admin.getPack(p.getId()).getId());
            assertFalse(admin.listPackVersions(p.getId()).isEmpty(), p.getId());
            byte[] workbook = Files.readAllBytes(admin.versionWorkbook(p.getId(), p.getVersion()).toPath());
            assertTrue(workbook.length > 1000 && workbook[0] == 'P' && workbook[1] == 'K',
                    p.getId() + ": the active version's workbook is an .xlsx: " + workbook.length);
        }
        Path drl = HOME.resolve("rules-drl/meixian/meixian.drl");
        Path edited = Files.createDirectories(dir.resolve("draft")).resolve("meixian.drl");
        Files.writeString(edited, Files.readString(drl, StandardCharsets.UTF_8)
                + "\n// a draft sent by the generated Java client\n", StandardCharsets.UTF_8);

        PacksApi grader = new PacksApi(client(GRADER));
        ApiException refused = assertThrows(ApiException.class,
                () -> grader.createDraft("meixian", List.of(edited.toFile()), "someone"));
        assertEquals(403, refused.getCode(), refused.getResponseBody());
        PacksApi anonymous = new PacksApi(client(null));
        assertEquals(401, assertThrows(ApiException.class,
                () -> anonymous.createDraft("meixian", List.of(edited.toFile()), null)).getCode());

        // okhttp sends header values in ASCII only (a Chinese name throws before anything is sent), so a
        // name goes as RFC 8187 says, which the document offers; the audit stores the name it spells.
        assertThrows(IllegalArgumentException.class,
                () -> admin.createDraft("meixian", List.of(edited.toFile()), "张三"));
        Draft draft = admin.createDraft("meixian", List.of(edited.toFile()), "UTF-8''%E5%BC%A0%E4%B8%89");
        assertEquals("meixian", draft.getId());
        assertFalse(draft.getAlreadyStored());
        Published published = admin.publishVersion("meixian", draft.getVersion(), "client-test");
        assertEquals(draft.getVersion(), published.getVersion());
        assertEquals(draft.getVersion(), admin.getPack("meixian").getVersion());
        List<PackVersion> versions = admin.listPackVersions("meixian");
        assertTrue(versions.stream().anyMatch(v -> v.getVersion().equals(draft.getVersion())
                && Boolean.TRUE.equals(v.getActive())), "the published draft is the active version");

        List<AuditEntry> audit = admin.audit(50, null).getEntries();
        assertTrue(audit.stream().anyMatch(e -> e.getAction().getValue().equals("draft")
                && "张三".equals(e.getActor())), "the draft is audited with who: " + audit);
        assertTrue(audit.stream().anyMatch(e -> e.getAction().getValue().equals("publish")
                && draft.getVersion().equals(e.getVersion())), "the publish is audited");
        assertEquals(403, assertThrows(ApiException.class, () -> grader.audit(null, null)).getCode());
    }

    @Test
    @Order(5)
    void healthMetricsAndTheDocumentItself() throws Exception {
        ServiceApi service = new ServiceApi(client(null));
        assertEquals("ok", service.health().getStatus().getValue());
        String metrics = service.metrics();
        assertTrue(metrics.contains("# TYPE"), "Prometheus text");
        assertTrue(metrics.contains("meixian"), "grading metrics by pack after the grades above");
        Object served = service.getOpenApi();
        assertNotNull(served);
        byte[] document = new ServiceApi(client(null)).getApiClient().getHttpClient()
                .newCall(new Request.Builder().url(server.base() + "/api/v1/openapi.json").build())
                .execute().body().bytes();
        assertEquals(doc.document(), DocumentCheck.JSON.readTree(document),
                "the served document is the one the client was generated from");
    }

    @Test
    @Order(6)
    void errorsComeAsTheDocumentSays() throws Exception {
        ApiClient c = client(GRADER);
        assertEquals(404, assertThrows(ApiException.class, () -> new GradingApi(c).getRun("nope")).getCode());
        assertEquals(404, assertThrows(ApiException.class, () -> new WhatIfApi(c).getWhatIf("nope")).getCode());
        assertEquals(404, assertThrows(ApiException.class, () -> new PacksApi(c).getPack("nowhere")).getCode());
        WhatIfRequest other = new WhatIfRequest().pack("luoshan");
        String meixianRun = runOf(c, "meixian");
        ApiException mismatch = assertThrows(ApiException.class, () -> new WhatIfApi(c).whatIf(meixianRun, other));
        assertEquals(400, mismatch.getCode(), mismatch.getResponseBody());
        ApiException anonymous = assertThrows(ApiException.class,
                () -> new GradingApi(client(null)).listRuns(null, null, null, null, null));
        assertEquals(401, anonymous.getCode());
    }

    @Test
    @Order(7)
    void aWhatIfJobOverEveryMeixianRunFinishesAndIsListed() throws Exception {
        JobsApi jobs = new JobsApi(client(GRADER));
        Job started = jobs.startJob(new JobRequest().kind(JobRequest.KindEnum.WHATIF).pack("meixian"), "client-test");
        assertTrue(started.getItems().getTotal() >= 1, "the meixian runs graded above: " + started);
        Job job = started;
        for (int i = 0; i < 600 && job.getState() != Job.StateEnum.FINISHED; i++) {
            Thread.sleep(100);
            job = jobs.getJob(started.getJob());
        }
        assertEquals(Job.StateEnum.FINISHED, job.getState(), job.toString());
        assertEquals(job.getItems().getTotal(), job.getItems().getDone());
        assertEquals(job.getItems().getTotal(), job.getAnswer().getRuns().size());
        assertEquals(0, job.getAnswer().getChanges(), "the active version regrades as it graded");
        assertEquals(started.getJob(), jobs.listJobs(5, null).getJobs().get(0).getJob());
        assertEquals(404, assertThrows(ApiException.class, () -> jobs.getJob("nope")).getCode());
    }

    @Test
    @Order(99)
    void everyAnswerFitsTheDocumentAndEveryOperationWasCalled() {
        assertEquals(List.of(), doc.mismatches(), "answers the document does not admit");
        Set<String> missing = new TreeSet<>(doc.operations());
        missing.removeAll(doc.exercised());
        assertEquals(Set.of(), missing, "operations of the served document no test called through the client");
        assertTrue(doc.checked() > 60, "answers checked: " + doc.checked());
    }

    /** A call the typed methods cannot make (another body form of the same operation), through the client's ApiClient. */
    static Reconciliation send(ApiClient c, String path, String contentType, byte[] body) throws ApiException {
        return send(c, path, contentType, body, new TypeToken<Reconciliation>() { });
    }

    /** A body the typed methods do not send (a workbook), through the client's own ApiClient. */
    static <T> T send(ApiClient c, String path, String contentType, byte[] body, TypeToken<T> answer)
            throws ApiException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Accept", "application/json");
        Call call = c.buildCall(null, path, "POST", new ArrayList<>(), new ArrayList<>(), body, headers,
                new HashMap<>(), new HashMap<>(), new String[] {"bearerAuth"}, null);
        return c.<T>execute(call, answer.getType()).getData();
    }
}
