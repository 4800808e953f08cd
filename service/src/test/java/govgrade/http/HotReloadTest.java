package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.Fixtures;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.packs.PackCopy;
import govgrade.packs.catalog.PackHome;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Packs edited in place while the service grades: hot reload on a real loopback port. */
@org.junit.jupiter.api.Tag("slow")
class HotReloadTest {
    private static final String XLSX = "decision-tables/meixian/meixian.xlsx";

    @TempDir
    Path dir;

    /** The workbook with "excellent news" set to {@code posts}, as bytes an editor would save. */
    private static byte[] workbookWith(Path xlsx, int posts) throws Exception {
        Workbook wb;
        try (InputStream in = Files.newInputStream(xlsx)) {
            wb = WorkbookFactory.create(in);
        }
        PackCopy.rowOf(wb, "参数", "newsExcellentMinPosts").getCell(2).setCellValue(posts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        return out.toByteArray();
    }

    /** Saves in two steps with a pause between, as some editors do: a half-saved file exists for a while. */
    private static void saveInTwoSteps(Path file, byte[] bytes) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            Thread.sleep(15);
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void eightClientsGradingWhileAPackIsRewritten50TimesSeeNoFailureAndAlwaysAVersion() throws Exception {
        Path home = PackCopy.copy("meixian", dir.resolve("home"));
        Path xlsx = home.resolve(XLSX);
        byte[][] saves = {workbookWith(xlsx, 5), workbookWith(xlsx, 6), workbookWith(xlsx, 7)};
        byte[] batch = Files.readAllBytes(Fixtures.batch("meixian"));
        try (Service service = Service.start(Settings.defaults(home, dir.resolve("g.db"))
                .listening("127.0.0.1", 0).withMaxBodyBytes(1 << 20), Fixtures.PACKS_CACHE)) {
            TestClient client = new TestClient(service.port());
            String first = client.get("/api/v1/packs/meixian").json().get("version").asText();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger ok = new AtomicInteger();
            List<String> failures = new ArrayList<>();
            Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                clients.add(pool.submit(() -> {
                    TestClient own = new TestClient(service.port());
                    // Bounded: stops when the writer is done, and after 2,000 requests at most.
                    for (int i = 0; i < 2000 && (writing.get() || i < 3); i++) {
                        try {
                            TestClient.Response r = own.post("/api/v1/grade", batch);
                            JsonNode v = r.status() == 200 ? r.json().at("/pack/version") : null;
                            if (v == null || v.asText().length() != 16) {
                                synchronized (failures) {
                                    failures.add(r.status() + " " + r.text());
                                }
                            } else {
                                versionsSeen.add(v.asText());
                                ok.incrementAndGet();
                            }
                        } catch (Exception e) {
                            synchronized (failures) {
                                failures.add(e.toString());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 50; i++) {
                saveInTwoSteps(xlsx, saves[i % saves.length]);
                Thread.sleep(40);
            }
            // The last save: 7 posts. Wait for the watcher to settle on it.
            saveInTwoSteps(xlsx, saves[2]);
            String last = new PackHome(home).read("meixian").version();
            long until = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < until
                    && !last.equals(client.get("/api/v1/packs/meixian").json().get("version").asText())) {
                Thread.sleep(100);
            }
            writing.set(false);
            for (Future<?> f : clients) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " failed");
            assertTrue(ok.get() >= 24, "requests graded: " + ok.get());
            assertEquals(last, client.get("/api/v1/packs/meixian").json().get("version").asText());
            assertTrue(versionsSeen.contains(first));
            // Every version a result named is a stored version that compiled; none is a half-saved file.
            Set<String> stored = ConcurrentHashMap.newKeySet();
            client.get("/api/v1/packs/meixian/versions").json().forEach(v -> stored.add(v.get("version").asText()));
            assertTrue(stored.containsAll(versionsSeen), versionsSeen + " not all in " + stored);
            assertTrue(stored.size() <= 4, "the disk version and at most the three saved contents: " + stored);
            assertEquals("ok", client.get("/api/v1/packs/meixian").json().get("status").asText());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBrokenEditKeepsTheLastGoodVersionServingAndShowsTheErrorsAtTheirCells() throws Exception {
        Path home = PackCopy.copy("shangqiu", dir.resolve("home"));
        try (Service service = Service.start(Settings.defaults(home, dir.resolve("g.db"))
                .listening("127.0.0.1", 0).withMaxBodyBytes(1 << 20), Fixtures.PACKS_CACHE)) {
            TestClient client = new TestClient(service.port());
            String good = client.get("/api/v1/packs/shangqiu").json().get("version").asText();
            PackCopy.editWorkbook(home.resolve("decision-tables/shangqiu/shangqiu.xlsx"),
                    wb -> PackCopy.rowOf(wb, "参数", "staleDays").getCell(2).setCellValue("两周"));
            JsonNode status = client.get("/api/v1/packs/shangqiu").json();
            long until = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < until && status.get("status").asText().equals("ok")) {
                Thread.sleep(100);
                status = client.get("/api/v1/packs/shangqiu").json();
            }
            assertEquals("error", status.get("status").asText());
            assertEquals(good, status.get("version").asText());
            JsonNode e = status.get("errors").get(0);
            assertEquals("参数", e.get("sheet").asText());
            assertTrue(e.get("cell").asText().startsWith("C"), e.toString());
            TestClient.Response graded = client.post("/api/v1/grade", Files.readAllBytes(Fixtures.batch("shangqiu")));
            assertEquals(200, graded.status());
            assertEquals(good, graded.json().at("/pack/version").asText());
        }
    }
}
